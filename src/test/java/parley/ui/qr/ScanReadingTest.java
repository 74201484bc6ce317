package parley.ui.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.invite.Invite;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;
import parley.invite.qr.QrCodes;
import parley.invite.qr.QrDecoder;
import parley.invite.qr.ScanOutcome;

/** The two readings of one scan: as an invite (joining) and as a safety code (verifying). */
class ScanReadingTest {
    private static final String SAFETY = "parley-safety:1:01234567890123456789";
    private static final String LINK = InviteLink.format(InviteFixtures.invite(), Optional.empty());

    @Test
    void aPictureWithoutCodesIsNoQrCodeForBoth() {
        Scan nothing = new Scan(List.of(), false);
        assertThat(InviteReading.of(nothing, InviteFixtures.CLOCK)).isEqualTo(new Sighting.Miss("no QR code found"));
        assertThat(SafetyReading.of(nothing)).isEqualTo(new SafetyReading.Miss("no QR code found"));
    }

    @Test
    void theSafetyCodeIsFoundAmongOtherCodes() {
        Scan screen = new Scan(List.of("https://example.org/menu", LINK, SAFETY), false);
        assertThat(SafetyReading.of(screen)).isEqualTo(new SafetyReading.Code(SAFETY));
        assertThat(InviteReading.of(screen, InviteFixtures.CLOCK))
                .isEqualTo(new Sighting.Invites(List.of(new ScanOutcome.Invited(InviteFixtures.invite(), LINK))));
    }

    @Test
    void aSafetyCodeIsNotAnInviteAndAnInviteIsNotASafetyCode() {
        assertThat(InviteReading.of(new Scan(List.of(SAFETY), false), InviteFixtures.CLOCK))
                .isEqualTo(new Sighting.Miss("a QR code that is not a Parley invite"));
        assertThat(SafetyReading.of(new Scan(List.of(LINK), false)))
                .isEqualTo(new SafetyReading.Miss("a QR code that is not a Parley safety code"));
    }

    @Test
    void typedDigitsInGroupsAreACode() {
        assertThat(SafetyReading.of(Scan.typed(" 0123 4567 8901 2345 6789 ")))
                .isEqualTo(new SafetyReading.Code("0123 4567 8901 2345 6789"));
    }

    @Test
    void typedTextThatIsNoCodeSaysWhatACodeIs() {
        assertThat(SafetyReading.of(Scan.typed("0123 4567")))
                .isEqualTo(new SafetyReading.Miss("this is not a safety code: it is 20 digits, in five groups of four"));
        assertThat(SafetyReading.of(Scan.typed("  ")))
                .isEqualTo(new SafetyReading.Miss("type the 20 digits your friend's app shows"));
    }

    @Test
    void typedTextThatIsNoInviteSaysItIsNotALink() {
        assertThat(InviteReading.of(Scan.typed("see you at 8"), InviteFixtures.CLOCK))
                .isEqualTo(new Sighting.Miss("this is not a Parley invite link"));
    }

    @Test
    void validInvitesBeatARefusedOneWhichBeatsAForeignCode() {
        Invite old = new Invite(InviteFixtures.INBOX, InviteFixtures.KEY, Optional.of(InviteFixtures.WSS),
                Optional.of(InviteFixtures.MQTTS), Optional.empty(), InviteFixtures.NOW.minusSeconds(60));
        String expired = InviteLink.format(old, Optional.empty());
        assertThat(InviteReading.of(new Scan(List.of("hello", expired, LINK), false), InviteFixtures.CLOCK))
                .isEqualTo(new Sighting.Invites(List.of(new ScanOutcome.Invited(InviteFixtures.invite(), LINK))));
        assertThat(InviteReading.of(new Scan(List.of("hello", expired), false), InviteFixtures.CLOCK))
                .isInstanceOfSatisfying(Sighting.Miss.class, miss -> assertThat(miss.message()).startsWith("this invite expired"));
        assertThat(InviteReading.of(new Scan(List.of("hello", SAFETY), false), InviteFixtures.CLOCK))
                .isEqualTo(new Sighting.Miss("a QR code that is not a Parley invite"));
    }

    @Test
    void everyInviteInAPictureIsListedInReadingOrderNotJustTheFirst() {
        Invite mallory = new Invite(InboxId.random(), ChatKey.random(), Optional.empty(),
                Optional.of(URI.create("mqtts://evil.example:8883")), Optional.of("Mallory"), InviteFixtures.EXPIRES);
        String decoy = InviteLink.format(mallory, Optional.empty());
        // a real picture: the decoy above the friend's code, both decoded from the pixels
        BufferedImage decoyCode = QrCodes.render(decoy, 5);
        BufferedImage friendCode = QrCodes.render(LINK, 5);
        BufferedImage picture = new BufferedImage(Math.max(decoyCode.getWidth(), friendCode.getWidth()) + 40,
                decoyCode.getHeight() + friendCode.getHeight() + 60, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.drawImage(decoyCode, 20, 20, null);
        g.drawImage(friendCode, 20, decoyCode.getHeight() + 40, null);
        g.dispose();

        Sighting sighting = InviteReading.of(Scan.picture(QrDecoder.decode(picture)), InviteFixtures.CLOCK);

        assertThat(sighting).isEqualTo(new Sighting.Invites(List.of(new ScanOutcome.Invited(mallory, decoy),
                new ScanOutcome.Invited(InviteFixtures.invite(), LINK))));
    }

    @Test
    void aScanNeverShowsWhatItHolds() {
        assertThat(new Scan(List.of(LINK), false).toString()).doesNotContain(LINK).isEqualTo("Scan[1 in a picture]");
    }
}
