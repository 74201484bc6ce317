package parley.ui.threads;

import java.lang.System.Logger.Level;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one executor for slow work the user started (opening the profile, scanning the screen, decoding an image
 * file): serial, daemon, may block; each task has a title that the status line shows while it runs, and its
 * result or failure is handed to the EDT. {@link #close()} lets the running task finish for a moment, then drops
 * the rest.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundTasks.class.getName());

    /** Told on the EDT when a task starts ({@code title}) and when none is running any more ({@code null}). */
    public interface Progress {
        void busy(String title);
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-ui-background");
        t.setDaemon(true);
        return t;
    });
    private final Progress progress;
    private int running;

    public BackgroundTasks(Progress progress) {
        this.progress = progress;
    }

    /** Runs {@code work} off the EDT; then {@code onSuccess} or {@code onFailure} on the EDT. Call on the EDT. */
    public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Edt.require();
        running++;
        progress.busy(title);
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor).whenCompleteAsync(Edt.guard((result, failure) -> {
            running--;
            progress.busy(running == 0 ? null : title);
            if (failure == null) {
                onSuccess.accept(result);
            } else {
                Throwable cause = Failures.unwrap(failure);
                LOG.log(Level.INFO, "{0} failed: {1}", title, Failures.message(cause));
                onFailure.accept(cause);
            }
        }), Edt.EXECUTOR);
    }

    /**
     * Runs {@code work} off the EDT without a title in the status line, for slow work the app starts by itself (a
     * picture's thumbnail as its message scrolls in). On the same serial thread as the user's tasks: one picture is
     * decoded at a time, which bounds the memory decoding takes. The result comes on the background thread.
     */
    public <T> CompletableFuture<T> call(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
    }

    /** Runs blocking clean-up off the EDT without a result, for example closing the profile. */
    public CompletableFuture<Void> runQuietly(Runnable work) {
        return CompletableFuture.runAsync(work, executor);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
