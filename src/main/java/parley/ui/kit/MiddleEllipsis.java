package parley.ui.kit;

/**
 * A long file name cut in its middle ("holiday-photos-from-th…2024.jpg"): the start says what it is, the end keeps
 * its number and extension. Counted in code points, so an emoji or a letter outside the BMP is never split; the
 * whole name goes in the tooltip.
 */
public final class MiddleEllipsis {
    static final String ELLIPSIS = "…";

    private MiddleEllipsis() {}

    /** {@code name} when it has at most {@code max} code points, else its start, an ellipsis and its end. */
    public static String cut(String name, int max) {
        if (max < 3) {
            throw new IllegalArgumentException("at least 3 code points: " + max);
        }
        int length = name.codePointCount(0, name.length());
        if (length <= max) {
            return name;
        }
        int keep = max - 1;
        int tail = keep * 2 / 5; // the end holds the extension and a number; the start gets the rest
        int head = keep - tail;
        int headEnd = name.offsetByCodePoints(0, head);
        int tailStart = name.offsetByCodePoints(0, length - tail);
        return name.substring(0, headEnd) + ELLIPSIS + name.substring(tailStart);
    }
}
