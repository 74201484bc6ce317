package parley.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this side sent and the peer has not yet shown it got: messages (by id), the handshake and our rekey. Each
 * is re-sent on one back-off ({@link ResendBackoff}: first after {@code resendFirst}, doubling to
 * {@code resendMax}) by one timer, armed for the earliest due item; when it fires, {@code whenDue} re-sends what is
 * due. The items themselves live in the record and the store; this keeps only their timing.
 */
final class Outbox {
    /** The item under which a handshake (join or welcome) is re-sent. */
    static final String HANDSHAKE = "handshake";
    /** The item under which our pending rekey is re-sent until its rekey-ok arrives. */
    static final String REKEY = "rekey";

    private final ChatContext ctx;
    private final Runnable whenDue;
    private final Map<String, ResendBackoff> pending = new LinkedHashMap<>();
    private Scheduler.Scheduled timer;
    /** When {@link #timer} fires. */
    private Instant timerAt;

    Outbox(ChatContext ctx, Runnable whenDue) {
        this.ctx = ctx;
        this.whenDue = whenDue;
    }

    /** {@code item} goes out now (first time or again): it is due again after the next step of its back-off. */
    void sending(String item) {
        Instant now = ctx.clock().instant();
        ResendBackoff previous = pending.get(item);
        ResendBackoff next = previous == null
                ? ResendBackoff.after(now, ctx.timings().resendFirst())
                : previous.next(now, ctx.timings().resendMax());
        pending.put(item, next);
        arm(next.due());
    }

    /** Whether {@code item} should be re-sent now: due, or never sent. */
    boolean isDue(String item, Instant now) {
        ResendBackoff b = pending.get(item);
        return b == null || !b.due().isAfter(now);
    }

    /** The peer has it: no more re-sends. */
    void done(String item) {
        pending.remove(item);
        if (pending.isEmpty()) {
            cancel();
        }
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Makes sure the timer fires by {@code due}; a burst of sends costs no scan of the whole outbox. */
    private void arm(Instant due) {
        if (timer != null && !timerAt.isAfter(due)) {
            return;
        }
        cancel();
        timerAt = due;
        timer = ctx.scheduler().schedule(this::fire, Duration.between(ctx.clock().instant(), due));
    }

    private void fire() {
        timer = null;
        whenDue.run();
        // items that were not due yet keep the timer going
        pending.values().stream().map(ResendBackoff::due).min(Instant::compareTo).ifPresent(this::arm);
    }
}
