package parley.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures from futures into the one line a user reads. */
final class Failures {
    private Failures() {}

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String message(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() != null && !u.getMessage().isBlank() ? u.getMessage() : u.getClass().getSimpleName();
    }
}
