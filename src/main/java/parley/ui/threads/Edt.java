package parley.ui.threads;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/** The event dispatch thread as an executor, and guards for code that must or must not run on it. */
public final class Edt {
    /** Runs a task later on the EDT: where chat-thread and background results go to touch Swing. */
    public static final Executor EXECUTOR = SwingUtilities::invokeLater;

    private static final System.Logger LOG = System.getLogger(Edt.class.getName());

    private Edt() {}

    /**
     * Wraps a future's completion handler that runs on the EDT so that a bug in it is reported rather than
     * swallowed by the future it would otherwise complete exceptionally.
     */
    public static <T> BiConsumer<T, Throwable> guard(BiConsumer<T, Throwable> handler) {
        return (value, failure) -> {
            try {
                handler.accept(value, failure);
            } catch (RuntimeException | Error e) {
                report(e);
                throw e;
            }
        };
    }

    /** The same for a success-only handler. */
    public static <T> Consumer<T> guard(Consumer<T> handler) {
        return value -> {
            try {
                handler.accept(value);
            } catch (RuntimeException | Error e) {
                report(e);
                throw e;
            }
        };
    }

    private static void report(Throwable e) {
        Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
        if (h != null) {
            h.uncaughtException(Thread.currentThread(), e);
        } else {
            LOG.log(System.Logger.Level.ERROR, "a bug in the desktop app", e);
        }
    }

    /** Swing state is touched only here. */
    public static void require() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("must run on the event dispatch thread, not " + Thread.currentThread().getName());
        }
    }

    /** Blocking work never runs here: the window would freeze. */
    public static void forbid() {
        if (SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("blocking work must not run on the event dispatch thread");
        }
    }
}
