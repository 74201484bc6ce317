package parley.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How many connection attempts of one transport are in flight at once (TCP, TLS handshake, CONNECT, until CONNACK
 * or failure). A process holds one connection per chat: after a broker restart every one of them retries within
 * the same second, and a thousand TLS handshakes at once starve the broker and the two cores they share. The
 * gate lets {@link #LIMIT} through and queues the rest in order, so the broker sees a steady stream at the pace
 * the handshakes complete instead of a herd. Nothing waits on a thread: a queued attempt runs on {@code runner}
 * when an earlier one ends. A pass that nobody ends (a callback Paho never made) frees itself after
 * {@code expiry}, so a lost callback cannot close the gate for good.
 */
final class ConnectGate {
    /**
     * In flight at once. Paho's connect itself waits ~0.3 s (it polls every 100 ms until each of its three loops
     * runs), so the gate's rate is about LIMIT / 0.3 s: 8 held 200 chats to 29 connects a second (10.4 s to
     * connect all); 32 connects them in 4.9 s, as fast as the transport did before it had a gate.
     */
    static final int LIMIT = 32;

    private final int limit;
    private final Executor runner;
    private final ScheduledExecutorService timer;
    private final Duration expiry;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    ConnectGate(int limit, Executor runner, ScheduledExecutorService timer, Duration expiry) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        this.limit = limit;
        this.runner = runner;
        this.timer = timer;
        this.expiry = expiry;
    }

    /**
     * Runs {@code attempt} now (on this thread) if fewer than the limit are in flight, else when one ends. The
     * attempt must end with exactly one {@link Pass#done()}, whatever happens to it.
     */
    void enter(Consumer<Pass> attempt) {
        synchronized (this) {
            if (inFlight >= limit) {
                waiting.add(() -> attempt.accept(pass()));
                return;
            }
            inFlight++;
        }
        attempt.accept(pass());
    }

    private Pass pass() {
        Pass pass = new Pass();
        try {
            timer.schedule(pass::done, expiry.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the transport is closing: nothing will connect any more
        }
        return pass;
    }

    /** In flight now; for tests and figures. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Waiting now; for tests and figures. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        try {
            runner.execute(next); // the place passes straight on: inFlight stays
        } catch (RejectedExecutionException e) {
            // the transport is closing: the queued attempt would find its connection closed anyway
        }
    }

    /** One attempt's place in the gate. */
    final class Pass {
        private boolean done;

        private Pass() {}

        /** The attempt ended (connected, failed, or was not made): the next one may go. A second call does nothing. */
        void done() {
            synchronized (this) {
                if (done) return;
                done = true;
            }
            release();
        }
    }
}
