package parley.invite.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.invite.Invite;
import parley.invite.InviteLink;

/**
 * The QR version a typical deployment's invite reaches (docs/protocol.md section 4, "short links"), measured with
 * ZXing as {@link QrCodes} draws it: dense codes fail on phone cameras.
 */
class InviteQrSizeTest {
    private static final URI BASE = URI.create("https://chat.example.org/");
    private static final Invite TYPICAL = new Invite(InboxId.random(), ChatKey.random(),
            Optional.of(URI.create("wss://chat.example.org/mqtt")), Optional.of(URI.create("mqtts://chat.example.org:8883")),
            Optional.of("Alice"), Instant.parse("2026-12-03T15:18:00Z"));

    @Test
    void aTypicalLinkIsAVersion9CodeAtMost() {
        String link = InviteLink.format(TYPICAL, Optional.of(BASE));
        int version = QrCodes.version(link);
        System.out.printf("typical invite link: %d characters, QR version %d (%d modules a side)%n",
                link.length(), version, 17 + 4 * version);
        assertThat(version).isLessThanOrEqualTo(9);
        assertThat(link).hasSize(174);
    }

    @Test
    void theShortFormSavesAVersionOverTheLongOne() {
        String shortLink = InviteLink.format(TYPICAL, Optional.of(BASE));
        String longLink = InviteLink.format(TYPICAL, Optional.empty()).replace("parley:", BASE.toString())
                .replace("m=mqtts://chat.example.org", "m=mqtts://chat.example.org:8883");
        assertThat(QrCodes.version(longLink)).isEqualTo(10);
        assertThat(QrCodes.version(shortLink)).isLessThan(QrCodes.version(longLink));
    }
}
