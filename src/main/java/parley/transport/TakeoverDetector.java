package parley.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Tells a client-id takeover loop from an ordinary lost connection (docs/protocol.md section 7). Two connections
 * with the same client id kick each other off right after each connect; so {@code threshold} drops in a row,
 * each within {@code quickWindow} of its connect, mean a takeover loop. Once in that state, every further drop
 * before a connection held for {@code stableAfter} counts on (the back-off keeps growing even when the growing
 * pauses make the drops slower), and only such a stable connection clears it.
 */
final class TakeoverDetector {
    static final Duration QUICK_WINDOW = Duration.ofSeconds(5);
    static final int THRESHOLD = 3;
    static final Duration STABLE_AFTER = Duration.ofSeconds(60);

    /** What a drop means. {@code drops}: quick drops in a row; {@code takeover}: the loop is detected. */
    record Verdict(boolean quick, int drops, boolean takeover) {
        /** 1 for the first drop that tripped the detector, then 2, 3, ... (the takeover back-off attempt). */
        int takeoverLevel() {
            return drops - THRESHOLD + 1;
        }
    }

    private final InstantSource clock;
    private Instant connectedAt;
    private int drops;

    TakeoverDetector(InstantSource clock) {
        this.clock = clock;
    }

    synchronized void connected() {
        connectedAt = clock.instant();
    }

    synchronized Verdict dropped() {
        Duration held = connectedAt == null ? Duration.ZERO : Duration.between(connectedAt, clock.instant());
        connectedAt = null;
        boolean quick = held.compareTo(QUICK_WINDOW) < 0;
        boolean takeover = drops >= THRESHOLD;
        if (quick || (takeover && held.compareTo(STABLE_AFTER) < 0)) {
            drops++;
        } else {
            drops = 0;
        }
        return new Verdict(quick, drops, drops >= THRESHOLD);
    }

    /**
     * A connect attempt failed (refused, unreachable): the broker itself was gone, so the quick drops before were a
     * broker going down and coming back (a crash loop, a restart), not another client with this id.
     */
    synchronized void connectFailed() {
        drops = 0;
        connectedAt = null;
    }

    /** Whether the current connection has lasted for {@link #QUICK_WINDOW} (the reconnect back-off may reset). */
    synchronized boolean heldLongerThanQuickWindow() {
        return connectedAt != null && Duration.between(connectedAt, clock.instant()).compareTo(QUICK_WINDOW) >= 0;
    }
}
