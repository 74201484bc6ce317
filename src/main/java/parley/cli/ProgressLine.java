package parley.cli;

import java.io.PrintWriter;
import parley.chat.Attachment;

/**
 * A file transfer's progress on stderr, "sending holiday.jpg: 12/39 parts (30%)": on a terminal one line that
 * updates in place ({@code \r}), else (a log, a pipe) a line per 10% step, so a log does not fill up.
 */
final class ProgressLine {
    private final PrintWriter err;
    private final boolean terminal;
    private final String verb;
    private final String name;
    private int lastStep = -1;
    private int lastHeld = -1;
    private int width;

    /** {@code verb}: "sending" or "downloading"; {@code name} as the peer or the user gave it (escaped here). */
    ProgressLine(PrintWriter err, boolean terminal, String verb, String name) {
        this.err = err;
        this.terminal = terminal;
        this.verb = verb;
        this.name = name;
    }

    /** "sending holiday.jpg: 12/39 parts (30%)"; the name's control characters escaped. */
    static String format(String verb, String name, int held, int count) {
        return verb + " " + TerminalText.escape(name) + ": " + held + "/" + count + " parts (" + percent(held, count)
                + "%)";
    }

    /** Whole percent, rounded down: 100 only when every part is there. */
    static int percent(int held, int count) {
        return count == 0 ? 0 : (int) (100L * held / count);
    }

    void update(Attachment a) {
        int held = a.chunksHeld();
        int count = a.chunkCount();
        if (terminal) {
            if (held == lastHeld) {
                return;
            }
            lastHeld = held;
            String line = format(verb, name, held, count);
            // spaces over what a longer line before left (a count only grows, but a name could be shortened)
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            err.flush();
            return;
        }
        int step = percent(held, count) / 10;
        if (step > lastStep) {
            lastStep = step;
            err.println(format(verb, name, held, count));
            err.flush();
        }
    }

    /** Ends the updating line, so what comes next starts on a line of its own. */
    void finish() {
        if (terminal && width > 0) {
            err.println();
            err.flush();
            width = 0;
        }
    }
}
