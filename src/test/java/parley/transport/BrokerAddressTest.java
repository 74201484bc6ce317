package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which spellings name the same broker (and so may get the profile's login), and which do not. */
class BrokerAddressTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "mqtts://broker.example:8883, mqtts://broker.example",
            "mqtts://Broker.EXAMPLE, mqtts://broker.example",
            "MQTTS://broker.example, mqtts://broker.example:8883",
            "mqtts://broker.example., mqtts://broker.example",
            "mqtts://broker.example/, mqtts://broker.example",
            "mqtts://[::1], mqtts://[0:0:0:0:0:0:0:1]:8883",
            "mqtts://[2001:DB8::1]:9883, mqtts://[2001:db8:0:0:0:0:0:1]:9883",
            "wss://broker.example/mqtt, wss://broker.example:443/mqtt",
            "wss://BROKER.example./mqtt, wss://broker.example/mqtt",
            "wss://broker.example, wss://broker.example:443/",
            "wss://broker.example/a/../mqtt, wss://broker.example/mqtt",
    })
    void theSameBrokerSpelledDifferently(String a, String b) {
        assertThat(BrokerAddress.of(URI.create(a))).isEqualTo(BrokerAddress.of(URI.create(b)));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
            "mqtts://broker.example, mqtts://broker.example:8884",
            "mqtts://broker.example, mqtts://broker.example.evil.example",
            "mqtts://broker.example, mqtts://xbroker.example",
            "mqtts://localhost, mqtts://127.0.0.1",
            "mqtts://127.0.0.1, mqtts://127.0.0.2",
            "mqtts://127.0.0.1, mqtts://[::1]",
            "mqtts://broker.example:443, wss://broker.example:443",
            "mqtts://broker.example:8883, wss://broker.example:8883",
            "wss://broker.example/mqtt, wss://broker.example/other",
            "wss://broker.example:443/mqtt, wss://broker.example:8443/mqtt",
    })
    void differentBrokers(String a, String b) {
        assertThat(BrokerAddress.of(URI.create(a))).isNotEqualTo(BrokerAddress.of(URI.create(b)));
    }

    @Test
    void showsTheHostAndOnlyAPortThatIsNotTheDefault() {
        assertThat(BrokerAddress.of(URI.create("mqtts://Broker.Example.:8883")).display()).isEqualTo("broker.example");
        assertThat(BrokerAddress.of(URI.create("wss://broker.example/mqtt")).display()).isEqualTo("broker.example");
        assertThat(BrokerAddress.of(URI.create("mqtts://127.0.0.2:9883")).display()).isEqualTo("127.0.0.2:9883");
        assertThat(BrokerAddress.of(URI.create("wss://[::1]:8443/mqtt")).display()).isEqualTo("[0:0:0:0:0:0:0:1]:8443");
    }

    @Test
    void refusesWhatIsNoBrokerUrl() {
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("ssl://broker.example:8883")))
                .hasMessageContaining("mqtts:// or wss://");
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("mqtts:///nohost")))
                .hasMessageContaining("no host");
    }

    @Test
    void aProfileServesOnlyItsOwnUrls() {
        BrokerProfile own = new BrokerProfile(java.util.Optional.of(URI.create("mqtts://broker.example")),
                java.util.Optional.of(URI.create("wss://broker.example/mqtt")), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("alice"), java.util.Optional.of("secret"));
        assertThat(own.serves(URI.create("mqtts://BROKER.example.:8883"))).isTrue();
        assertThat(own.serves(URI.create("wss://broker.example:443/mqtt"))).isTrue();
        assertThat(own.serves(URI.create("wss://broker.example:8883/mqtt"))).isFalse();
        assertThat(own.serves(URI.create("mqtts://evil.example"))).isFalse();
        BrokerProfile mqttsOnly = BrokerProfile.of(URI.create("mqtts://broker.example"));
        assertThat(mqttsOnly.serves(URI.create("wss://broker.example/mqtt"))).as("no wss URL: no wss match").isFalse();
    }
}
