package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.invite.Invite;
import parley.invite.InviteFixtures;
import parley.invite.InviteLink;
import parley.invite.qr.ScanOutcome;

/** The two readings of one scan: as an invite (joining) and as a safety code (verifying). */
class ScanReadingTest {
    private static final String SAFETY = "parley-safety:1:01234567890123456789";
    private static final String LINK = InviteLink.format(InviteFixtures.invite(), Optional.empty());

    @Test
    void aPictureWithoutCodesIsNoQrCodeForBoth() {
        Scan nothing = new Scan(List.of(), false);
        assertThat(InviteReading.of(nothing, InviteFixtures.CLOCK).message()).isEqualTo("no QR code found");
        assertThat(SafetyReading.of(nothing)).isEqualTo(new SafetyReading.Miss("no QR code found"));
    }

    @Test
    void theSafetyCodeIsFoundAmongOtherCodes() {
        Scan screen = new Scan(List.of("https://example.org/menu", LINK, SAFETY), false);
        assertThat(SafetyReading.of(screen)).isEqualTo(new SafetyReading.Code(SAFETY));
        assertThat(InviteReading.of(screen, InviteFixtures.CLOCK).outcome()).isInstanceOf(ScanOutcome.Invited.class);
    }

    @Test
    void aSafetyCodeIsNotAnInviteAndAnInviteIsNotASafetyCode() {
        assertThat(InviteReading.of(new Scan(List.of(SAFETY), false), InviteFixtures.CLOCK).message())
                .isEqualTo("a QR code that is not a Parley invite");
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
        assertThat(InviteReading.of(Scan.typed("see you at 8"), InviteFixtures.CLOCK).message())
                .isEqualTo("this is not a Parley invite link");
    }

    @Test
    void aValidInviteBeatsARefusedOneWhichBeatsAForeignCode() {
        Invite old = new Invite(InviteFixtures.INBOX, InviteFixtures.KEY, Optional.of(InviteFixtures.WSS),
                Optional.of(InviteFixtures.MQTTS), Optional.empty(), InviteFixtures.NOW.minusSeconds(60));
        String expired = InviteLink.format(old, Optional.empty());
        assertThat(InviteReading.of(new Scan(List.of("hello", expired, LINK), false), InviteFixtures.CLOCK).outcome())
                .isEqualTo(new ScanOutcome.Invited(InviteFixtures.invite(), LINK));
        assertThat(InviteReading.of(new Scan(List.of("hello", expired), false), InviteFixtures.CLOCK).outcome())
                .isInstanceOf(ScanOutcome.BadInvite.class);
    }

    @Test
    void aScanNeverShowsWhatItHolds() {
        assertThat(new Scan(List.of(LINK), false).toString()).doesNotContain(LINK).isEqualTo("Scan[1 in a picture]");
    }
}
