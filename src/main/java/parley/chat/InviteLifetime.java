package parley.chat;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an invite holds, on both sides (docs/protocol.md section 4, step 7). Everything is measured on the
 * local clock: a payload's own {@code ts} is written by whoever holds the invite key, which after the join may be
 * anyone who photographed the QR code, so it proves nothing.
 *
 * @param expires   the invite's expiry ({@code x} of the link)
 * @param clockSkew how far the inviter's clock may be behind ours
 */
record InviteLifetime(Instant expires, Duration clockSkew) {

    /** The joiner re-sends its join only before the expiry: after it, no honest inviter takes a join. */
    boolean joinMaySend(Instant now) {
        return now.isBefore(expires);
    }

    /** An inviter accepts a join only before the expiry. */
    boolean joinAccepted(Instant received) {
        return received.isBefore(expires);
    }

    /** From then on a welcome is late, dropped as {@code expired}, and the join has failed for good. */
    Instant lateFrom() {
        return expires.plus(clockSkew);
    }

    boolean welcomeLate(Instant received) {
        return !received.isBefore(lateFrom());
    }
}
