package parley.ui.threads;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns failures from futures into the one line a user reads; standing alone, a sentence with a capital and a full
 * stop.
 */
public final class Failures {
    private Failures() {}

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The failure's own words, to follow a prefix that says what failed ("Not sent: ..."). */
    public static String message(Throwable t) {
        Throwable u = unwrap(t);
        return u.getMessage() != null && !u.getMessage().isBlank() ? u.getMessage() : u.getClass().getSimpleName();
    }

    /** The failure as a line of its own: a sentence, and for a failure without words, what to do. */
    public static String sentence(Throwable t) {
        Throwable u = unwrap(t);
        return sentence(u.getMessage() != null && !u.getMessage().isBlank() ? u.getMessage()
                : "Something went wrong (" + u.getClass().getSimpleName() + "): try again, and restart Parley if it stays");
    }

    /** {@code text} as a sentence: the first letter a capital, a full stop at the end unless it has its own. */
    public static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        s = new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(s.substring(Character.charCount(first))).toString();
        return ".!?…".indexOf(s.charAt(s.length() - 1)) >= 0 ? s : s + ".";
    }
}
