package parley.ui;

import java.time.Clock;
import java.util.Optional;
import parley.invite.InviteException;
import parley.invite.InviteLink;
import parley.invite.qr.ScanOutcome;

/**
 * Reads a {@link Scan} as an invite, as {@code InviteScanner} does for one image: the first valid invite in
 * reading order wins; failing that, the first Parley invite that was refused (expired, broken, ...); failing
 * that, the first text, which is not Parley's.
 */
final class InviteReading {
    private InviteReading() {}

    static Sighting of(Scan scan, Clock clock) {
        if (scan.texts().isEmpty()) {
            return new Sighting(new ScanOutcome.NoQrCode(), scan.fromText());
        }
        Optional<InviteException> firstRefusal = Optional.empty();
        for (String text : scan.texts()) {
            try {
                return new Sighting(new ScanOutcome.Invited(InviteLink.parse(text, clock), text.strip()), scan.fromText());
            } catch (InviteException e) {
                if (e.problem() != InviteException.Problem.NOT_AN_INVITE && firstRefusal.isEmpty()) {
                    firstRefusal = Optional.of(e);
                }
            }
        }
        ScanOutcome outcome = firstRefusal.<ScanOutcome>map(ScanOutcome.BadInvite::new)
                .orElseGet(() -> new ScanOutcome.NotParley(scan.texts().getFirst()));
        return new Sighting(outcome, scan.fromText());
    }
}
