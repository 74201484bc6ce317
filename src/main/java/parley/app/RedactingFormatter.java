package parley.app;

import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;

/**
 * Log lines with every 32-byte secret-looking token cut to its first six characters. Parley's own code logs only
 * abbreviated inbox ids, but Paho names each record after its client id, which is the full inbox id (a chat's
 * address on the broker), and other libraries may print what they are given. Any 43-character base64url word is
 * treated as such a token (inbox ids and chat keys are exactly that), wherever it appears in a line.
 */
final class RedactingFormatter extends SimpleFormatter {
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])([A-Za-z0-9_-]{6})[A-Za-z0-9_-]{37}(?![A-Za-z0-9_-])");

    @Override
    public String format(LogRecord record) {
        return redact(super.format(record));
    }

    static String redact(String line) {
        return TOKEN.matcher(line).replaceAll("$1…");
    }
}
