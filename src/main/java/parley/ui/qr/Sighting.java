package parley.ui.qr;

import java.util.List;
import parley.invite.qr.ScanOutcome;

/** What one way of joining found, read as invites by {@link InviteReading}. */
public sealed interface Sighting {

    /** Every valid invite, in reading order (one for a link; a picture may hold several): the user picks and confirms. */
    record Invites(List<ScanOutcome.Invited> found) implements Sighting {
        public Invites {
            found = List.copyOf(found);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("invites: at least one");
            }
        }
    }

    /** No usable invite; {@code message} says what was seen ("no QR code found", "this invite expired at ..."). */
    record Miss(String message) implements Sighting {}
}
