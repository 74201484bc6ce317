package parley.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock and the chat thread in one, for tests with no threads and no sleeps: time moves only in
 * {@link #advance}, and a task runs when it is due, on the test's thread. A task executed while none runs (a
 * command from the test) runs at once, with every task it queues; one executed from inside a task runs after it,
 * in order, as on the real serial thread.
 */
final class ManualTime extends Clock implements Scheduler {
    private record Task(Instant due, long order, Runnable work, boolean[] cancelled) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
            ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private Instant now;
    private long order;
    private boolean running;

    ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the chat layer reads instants only");
    }

    @Override
    public void execute(Runnable task) {
        add(now, task);
        runDue();
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        Task t = add(delay.isNegative() ? now : now.plus(delay), task);
        return () -> t.cancelled[0] = true;
    }

    private Task add(Instant due, Runnable work) {
        Task t = new Task(due, order++, work, new boolean[1]);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code by}, running every task that falls due on the way at its own instant. */
    void advance(Duration by) {
        Instant target = now.plus(by);
        while (!tasks.isEmpty() && !tasks.peek().due.isAfter(target)) {
            Task t = tasks.peek();
            if (t.due.isAfter(now)) {
                now = t.due;
            }
            runDue();
        }
        now = target;
    }

    /** Runs what is due now (the work a command or a delivery set off). */
    void runDue() {
        if (running) {
            return;
        }
        running = true;
        try {
            while (!tasks.isEmpty() && !tasks.peek().due.isAfter(now)) {
                Task t = tasks.poll();
                if (!t.cancelled[0]) {
                    t.work.run();
                }
            }
        } finally {
            running = false;
        }
    }

    /** When the next live task is due, if any: what a test inspects to see a timer's back-off. */
    java.util.Optional<Instant> nextDue() {
        return tasks.stream().filter(t -> !t.cancelled[0]).map(Task::due).min(Instant::compareTo);
    }
}
