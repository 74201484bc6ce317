package parley.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.invite.InviteFixtures.EXPIRES;
import static parley.invite.InviteFixtures.INBOX;
import static parley.invite.InviteFixtures.KEY;
import static parley.invite.InviteFixtures.MQTTS;
import static parley.invite.InviteFixtures.NOW;
import static parley.invite.InviteFixtures.WSS;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InviteTest {
    private static Invite with(Optional<URI> wss, Optional<URI> mqtts, Optional<String> name) {
        return new Invite(INBOX, KEY, wss, mqtts, name, EXPIRES);
    }

    @Test
    void eitherBrokerAloneIsEnough() {
        assertThat(with(Optional.of(WSS), Optional.empty(), Optional.empty()).wss()).contains(WSS);
        assertThat(with(Optional.empty(), Optional.of(MQTTS), Optional.empty()).mqtts()).contains(MQTTS);
    }

    @Test
    void rejectsAnInviteWithoutBroker() {
        assertThatThrownBy(() -> with(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broker address");
    }

    @Test
    void rejectsAWebBrokerThatIsNotWss() {
        assertThatThrownBy(() -> with(Optional.of(URI.create("https://chat.example.org/mqtt")), Optional.empty(),
                Optional.empty())).hasMessageContaining("must be a wss:// URL");
    }

    @Test
    void rejectsAWebBrokerWithoutHost() {
        assertThatThrownBy(() -> with(Optional.of(URI.create("wss:///mqtt")), Optional.empty(), Optional.empty()))
                .hasMessageContaining("wss://host");
    }

    @Test
    void rejectsPahoSslSchemeForTheBroker() {
        assertThatThrownBy(() -> with(Optional.empty(), Optional.of(URI.create("ssl://chat.example.org:8883")),
                Optional.empty())).hasMessageContaining("must use mqtts://, not ssl://");
    }

    @Test
    void rejectsABrokerWithAPath() {
        assertThatThrownBy(() -> with(Optional.empty(), Optional.of(URI.create("mqtts://chat.example.org/x")),
                Optional.empty())).hasMessageContaining("mqtts://host[:port]");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> with(Optional.empty(), Optional.of(URI.create("mqtts://chat.example.org:70000")),
                Optional.empty())).hasMessageContaining("port");
    }

    @Test
    void countsUtf16UnitsAsABrowserDoes() {
        String name = "😀".repeat(32); // 64 UTF-16 units: the most a join or welcome name may hold
        assertThat(with(Optional.of(WSS), Optional.empty(), Optional.of(name)).name()).contains(name);
        assertThatThrownBy(() -> with(Optional.of(WSS), Optional.empty(), Optional.of(name + "a")))
                .hasMessageContaining("longer than 64 characters");
    }

    @Test
    void rejectsANameOfSixtyFiveCharacters() {
        assertThatThrownBy(() -> with(Optional.of(WSS), Optional.empty(), Optional.of("a".repeat(65))))
                .hasMessageContaining("longer than 64 characters");
    }

    @Test
    void rejectsANameWithAControlCharacter() {
        assertThatThrownBy(() -> with(Optional.of(WSS), Optional.empty(), Optional.of("Ali\nce")))
                .hasMessageContaining("control characters");
    }

    @Test
    void rejectsANameWithABidiOverride() {
        assertThatThrownBy(() -> with(Optional.of(WSS), Optional.empty(), Optional.of("Bob\u202Eecila")))
                .hasMessageContaining("control characters");
    }

    @Test
    void rejectsAnEmptyName() {
        assertThatThrownBy(() -> with(Optional.of(WSS), Optional.empty(), Optional.of("")))
                .hasMessageContaining("empty");
    }

    @Test
    void toStringHidesTheKeyAndShowsOnlyTheAbbreviatedInbox() {
        String shown = InviteFixtures.invite().toString();
        assertThat(shown).doesNotContain(KEY.passphrase()).doesNotContain(INBOX.value())
                .contains("***").contains(INBOX.abbreviated());
    }

    @Test
    void expiresAtTheExpiryInstant() {
        Invite invite = new Invite(INBOX, KEY, Optional.of(WSS), Optional.empty(), Optional.empty(), NOW);
        assertThat(invite.isExpiredAt(NOW)).isTrue();
        assertThat(invite.isExpiredAt(NOW.minusSeconds(1))).isFalse();
    }
}
