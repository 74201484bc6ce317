package parley.invite.qr;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import parley.invite.Invite;
import parley.invite.InviteException;
import parley.invite.InviteLink;

/** Finds a Parley invite in an image such as a screenshot: QR decoding plus {@link InviteLink#parse}. */
public final class InviteScanner {
    private InviteScanner() {}

    /**
     * Scans {@code image}. With several codes, the first valid invite in reading order wins; failing that, the first
     * Parley invite that was refused (expired, broken, ...); failing that, the first code's text.
     */
    public static ScanOutcome scan(BufferedImage image, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return switch (QrDecoder.decode(image)) {
            case QrScan.NotFound() -> new ScanOutcome.NoQrCode();
            case QrScan.Found(var texts) -> {
                Optional<InviteException> firstRefusal = Optional.empty();
                for (String text : texts) {
                    try {
                        Invite invite = InviteLink.parse(text, clock);
                        yield new ScanOutcome.Invited(invite, text.strip());
                    } catch (InviteException e) {
                        if (e.problem() != InviteException.Problem.NOT_AN_INVITE && firstRefusal.isEmpty()) {
                            firstRefusal = Optional.of(e);
                        }
                    }
                }
                yield firstRefusal.<ScanOutcome>map(ScanOutcome.BadInvite::new)
                        .orElseGet(() -> new ScanOutcome.NotParley(texts.getFirst()));
            }
        };
    }
}
