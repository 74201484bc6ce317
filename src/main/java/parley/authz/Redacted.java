package parley.authz;

/**
 * How the service names client ids and routing keys in its log: an inbox id is as good as a read capability,
 * so only its first six characters appear; other strings (a rogue's chosen client id) are cut the same way.
 */
final class Redacted {
    private static final int SHOWN = 6;

    private Redacted() {
    }

    /** {@code abcdef… (43 chars)}; control characters become {@code ?} so a log line stays one line. */
    static String id(String value) {
        if (value == null) return "(none)";
        String head = value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
        return head.replaceAll("\\p{Cntrl}", "?") + " (" + value.length() + " chars)";
    }
}
