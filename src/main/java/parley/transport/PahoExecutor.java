package parley.transport;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executor every Paho client of one {@link MqttTransport} shares. Paho runs each connection's sender,
 * receiver and callback loops as long-running tasks, so {@code execute} starts a named virtual thread for each;
 * timers (keep-alive pings) go to the transport's one scheduler thread. Paho must not shut the shared executors
 * down: {@code shutdown} here does nothing, the transport owns them.
 */
final class PahoExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private final ExecutorService io;
    private final ScheduledExecutorService timer;

    PahoExecutor(ExecutorService io, ScheduledExecutorService timer) {
        this.io = io;
        this.timer = timer;
    }

    /**
     * Paho renames the thread it runs on to "MQTT Rec: " + client id, and our client ids are inbox ids: each task
     * has a virtual thread of its own, which ends with it, so that name never outlives the connection's loop.
     */
    @Override
    public void execute(Runnable command) {
        io.execute(command);
    }

    /*
     * Paho stops a connection's loops with Future.cancel(true). On a platform thread that interrupt leaves a
     * blocking socket read alone, and Paho relies on it; on a virtual thread it closes the socket under a loop
     * that may still be sending (without this, ChatServiceIT.aBrokerRestartLosesNothing saw the messages of an
     * outage arrive out of order). So a cancel of Paho's never interrupts: the loops end as on platform threads,
     * when Paho closes the network module and wakes them.
     */
    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new UninterruptedTask<>(Executors.callable(runnable, value));
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new UninterruptedTask<>(callable);
    }

    private static final class UninterruptedTask<T> extends FutureTask<T> {
        UninterruptedTask(Callable<T> callable) {
            super(callable);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return super.cancel(false);
        }
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
