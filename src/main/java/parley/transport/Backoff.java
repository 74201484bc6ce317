package parley.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential back-off with jitter: {@code initial * 2^(attempt-1)}, at most {@code max}, each delay
 * spread by ±{@code jitter} so that clients that lost the same broker do not come back in lock-step.
 */
record Backoff(Duration initial, Duration max, double jitter) {
    /** Reconnect after a lost or failed connection: 0.5 s doubling to 60 s, ±20%. */
    static final Backoff RECONNECT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 0.2);
    /** After a client-id takeover loop is detected: 2 s doubling to 60 s, ±20%. */
    static final Backoff TAKEOVER = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 0.2);

    Backoff {
        if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial must be > 0");
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max must be >= initial");
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
    }

    /** The delay before attempt {@code attempt} (1 = the first retry). */
    Duration delay(int attempt, RandomGenerator random) {
        if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        double base = initial.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(base, max.toMillis());
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.round(capped * factor));
    }
}
