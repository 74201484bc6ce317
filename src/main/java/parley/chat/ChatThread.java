package parley.chat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The "parley-chat" thread: every chat's state lives on it. Commands, transport callbacks and timers run there in
 * order; it does the store's short, local I/O and never waits for the network. {@link #close()} lets queued tasks
 * finish for up to five seconds.
 */
final class ChatThread implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-chat");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = thread.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
