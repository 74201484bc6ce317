package parley.ui.threads;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures from futures into the one line a user reads. */
public final class Failures {
    private Failures() {}

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String message(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() != null && !u.getMessage().isBlank() ? u.getMessage() : u.getClass().getSimpleName();
    }
}
