package parley.invite.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.invite.InviteFixtures.CLOCK;
import static parley.invite.InviteFixtures.KEY;
import static parley.invite.InviteFixtures.NOW;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.invite.Invite;
import parley.invite.InviteException;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;

class InviteScannerTest {
    private static final String LINK = QrCodesTest.LINK;

    private static String expiredLink() {
        Invite old = new Invite(InboxId.random(), ChatKey.random(), Optional.of(InviteFixtures.WSS), Optional.empty(),
                Optional.empty(), NOW.minus(Duration.ofHours(1)));
        return InviteLink.format(old, Optional.empty());
    }

    @Test
    void findsAnInviteOnTheScreen() {
        BufferedImage screen = new SyntheticScreen(1920, 1080, 11).with(QrCodes.render(LINK, 4), 901, 301).image();
        ScanOutcome outcome = InviteScanner.scan(screen, CLOCK);
        assertThat(outcome).isEqualTo(new ScanOutcome.Invited(InviteFixtures.invite(), LINK));
        assertThat(outcome.message()).isEqualTo("an invite from Alice");
        assertThat(outcome.toString()).doesNotContain(KEY.passphrase());
    }

    @Test
    void saysWhenTheCodeIsNotAParleyInvite() {
        String wifi = "WIFI:S:home;T:WPA;P:correct horse;;";
        ScanOutcome outcome = InviteScanner.scan(QrCodes.render(wifi, 4), CLOCK);
        assertThat(outcome).isEqualTo(new ScanOutcome.NotParley(wifi));
        assertThat(outcome.message()).isEqualTo("a QR code that is not a Parley invite");
        assertThat(outcome.toString()).doesNotContain("correct horse");
    }

    @Test
    void saysWhenTheInviteHasExpired() {
        ScanOutcome outcome = InviteScanner.scan(QrCodes.render(expiredLink(), 4), CLOCK);
        assertThat(outcome).isInstanceOfSatisfying(ScanOutcome.BadInvite.class,
                bad -> assertThat(bad.problem()).isEqualTo(InviteException.Problem.EXPIRED));
        assertThat(outcome.message()).startsWith("this invite expired at 2026-11-25 11:00");
    }

    @Test
    void saysWhenThereIsNoCode() {
        ScanOutcome outcome = InviteScanner.scan(new SyntheticScreen(1920, 1080, 12).image(), CLOCK);
        assertThat(outcome).isEqualTo(new ScanOutcome.NoQrCode());
        assertThat(outcome.message()).isEqualTo("no QR code found");
    }

    @Test
    void prefersTheValidInviteAmongSeveralCodes() {
        BufferedImage screen = new SyntheticScreen(1920, 1080, 13)
                .with(QrCodes.render("https://example.com/", 5), 101, 81)
                .with(QrCodes.render(expiredLink(), 4), 801, 91)
                .with(QrCodes.render(LINK, 4), 1301, 601)
                .image();
        assertThat(InviteScanner.scan(screen, CLOCK)).isEqualTo(new ScanOutcome.Invited(InviteFixtures.invite(), LINK));
    }

    @Test
    void reportsTheBrokenInviteRatherThanAnotherCode() {
        BufferedImage screen = new SyntheticScreen(1920, 1080, 14)
                .with(QrCodes.render("https://example.com/", 5), 101, 81)
                .with(QrCodes.render(expiredLink(), 4), 1201, 591)
                .image();
        assertThat(InviteScanner.scan(screen, CLOCK)).isInstanceOf(ScanOutcome.BadInvite.class);
    }
}
