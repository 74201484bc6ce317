package parley.ui.qr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.invite.InviteException;
import parley.invite.InviteLink;
import parley.invite.qr.ScanOutcome;

/**
 * Reads a {@link Scan} as invites: every valid invite in reading order, for the user to choose from (a screen may
 * show several, and taking the first would join whichever one an attacker placed above the friend's); failing
 * that, the first Parley invite that was refused (expired, broken, ...); failing that, what the first text is.
 */
public final class InviteReading {
    private InviteReading() {}

    public static Sighting of(Scan scan, Clock clock) {
        if (scan.texts().isEmpty()) {
            return new Sighting.Miss(new ScanOutcome.NoQrCode().message());
        }
        List<ScanOutcome.Invited> invites = new ArrayList<>();
        Optional<InviteException> firstRefusal = Optional.empty();
        for (String text : scan.texts()) {
            try {
                invites.add(new ScanOutcome.Invited(InviteLink.parse(text, clock), text.strip()));
            } catch (InviteException e) {
                if (e.problem() != InviteException.Problem.NOT_AN_INVITE && firstRefusal.isEmpty()) {
                    firstRefusal = Optional.of(e);
                }
            }
        }
        if (!invites.isEmpty()) {
            return new Sighting.Invites(invites);
        }
        if (firstRefusal.isPresent()) {
            return new Sighting.Miss(firstRefusal.get().getMessage());
        }
        return new Sighting.Miss(scan.fromText() ? "this is not a Parley invite link"
                : new ScanOutcome.NotParley(scan.texts().getFirst()).message());
    }
}
