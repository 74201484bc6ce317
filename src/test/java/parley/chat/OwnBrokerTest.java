package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.transport.BrokerProfile;

/** The profile's CA file and login go to its own broker and nowhere else an invite may name. */
class OwnBrokerTest {
    private static final BrokerProfile OWN = new BrokerProfile(Optional.of(URI.create("mqtts://broker.example")),
            Optional.of(URI.create("wss://broker.example/mqtt")), Optional.of(URI.create("https://broker.example/")),
            Optional.of(Path.of("/etc/parley/ca.pem")), Optional.of("alice"), Optional.of("s3cret"));
    private static final OwnBroker BROKER = new OwnBroker(Optional.of(OWN));

    @Test
    void theOwnBrokerGetsTheLoginAndTheCaFileHoweverItIsSpelled() {
        BrokerProfile chat = BROKER.connectionFor(Optional.of(URI.create("mqtts://Broker.Example.:8883")),
                Optional.of(URI.create("wss://elsewhere.example/mqtt")));
        assertThat(chat.username()).contains("alice");
        assertThat(chat.password()).contains("s3cret");
        assertThat(chat.caFile()).contains(Path.of("/etc/parley/ca.pem"));
        assertThat(BROKER.describe(Optional.of(URI.create("mqtts://Broker.Example.:8883")), Optional.empty()))
                .isEqualTo(new ChatBroker("broker.example", true));
    }

    @Test
    void anyOtherBrokerGetsNoLoginAndOnlyTheSystemRoots() {
        for (URI other : new URI[] {URI.create("mqtts://evil.example"), URI.create("mqtts://broker.example:8884"),
                URI.create("mqtts://broker.example.evil.example")}) {
            BrokerProfile chat = BROKER.connectionFor(Optional.of(other), Optional.empty());
            assertThat(chat.username()).as(other.toString()).isEmpty();
            assertThat(chat.password()).as(other.toString()).isEmpty();
            assertThat(chat.caFile()).as(other.toString()).isEmpty();
            assertThat(chat.preferred()).isEqualTo(other);
        }
        assertThat(BROKER.describe(Optional.of(URI.create("mqtts://evil.example:9883")), Optional.empty()))
                .isEqualTo(new ChatBroker("evil.example:9883", false));
    }

    @Test
    void anInviteNamingTheOwnBrokerByOneUrlIsReachedThroughThatUrlOnly() {
        // the own wss URL next to a foreign mqtts one: the chat goes through the own wss URL, with the login
        BrokerProfile chat = BROKER.connectionFor(Optional.of(URI.create("mqtts://evil.example")),
                Optional.of(URI.create("wss://broker.example:443/mqtt")));
        assertThat(chat.preferred()).isEqualTo(URI.create("wss://broker.example:443/mqtt"));
        assertThat(chat.mqtts()).as("the foreign URL is not used").isEmpty();
        assertThat(chat.username()).contains("alice");
        assertThat(BROKER.describe(Optional.of(URI.create("mqtts://evil.example")),
                Optional.of(URI.create("wss://broker.example/mqtt")))).isEqualTo(new ChatBroker("broker.example", true));
        // the own mqtts host on another scheme's URL is not the own broker
        BrokerProfile foreign = BROKER.connectionFor(Optional.empty(), Optional.of(URI.create("wss://broker.example:8883/mqtt")));
        assertThat(foreign.username()).isEmpty();
        assertThat(foreign.caFile()).isEmpty();
    }

    @Test
    void aProfileWithoutABrokerHasNoOwnBroker() {
        OwnBroker none = new OwnBroker(Optional.empty());
        assertThat(none.connectionFor(Optional.of(URI.create("mqtts://broker.example")), Optional.empty()).caFile())
                .isEmpty();
        assertThat(none.describe(Optional.of(URI.create("mqtts://broker.example")), Optional.empty()).own()).isFalse();
    }
}
