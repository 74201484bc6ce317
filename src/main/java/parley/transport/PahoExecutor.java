package parley.transport;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executor every Paho client of one {@link MqttTransport} shares. Paho runs each connection's sender,
 * receiver and callback loops as long-running tasks, so {@code execute} goes to a growing pool of named I/O
 * threads; timers (keep-alive pings) go to the transport's one scheduler thread. Paho must not shut the
 * shared executors down: {@code shutdown} here does nothing, the transport owns them.
 */
final class PahoExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private final ExecutorService io;
    private final ScheduledExecutorService timer;

    PahoExecutor(ExecutorService io, ScheduledExecutorService timer) {
        this.io = io;
        this.timer = timer;
    }

    /**
     * Paho renames the thread it runs on to "MQTT Rec: " + client id, and our client ids are inbox ids: the
     * pool thread gets its own name back when the task ends, so that a full inbox id does not outlive it.
     */
    @Override
    public void execute(Runnable command) {
        io.execute(() -> {
            Thread thread = Thread.currentThread();
            String name = thread.getName();
            try {
                command.run();
            } finally {
                thread.setName(name);
            }
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return timer.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return timer.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return timer.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        return timer.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        // owned by MqttTransport
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return io.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return io.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
