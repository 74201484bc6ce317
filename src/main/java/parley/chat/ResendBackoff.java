package parley.chat;

import java.time.Duration;
import java.time.Instant;

/** When an unacknowledged item is sent again: first after {@code first}, then doubling up to {@code max}. */
record ResendBackoff(Instant due, Duration delay) {
    static ResendBackoff after(Instant sent, Duration first) {
        return new ResendBackoff(sent.plus(first), first);
    }

    ResendBackoff next(Instant sent, Duration max) {
        Duration doubled = delay.multipliedBy(2);
        Duration d = doubled.compareTo(max) > 0 ? max : doubled;
        return new ResendBackoff(sent.plus(d), d);
    }
}
