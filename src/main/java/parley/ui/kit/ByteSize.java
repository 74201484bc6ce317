package parley.ui.kit;

import java.util.Locale;

/**
 * A file's size in the words a user reads: "512 bytes", "2.4 MB", "100 MB". Units of 1,024, as the protocol's
 * limits are (100 MiB shows as "100 MB", the way file managers on the desktop count); one decimal below 100.
 */
public final class ByteSize {
    private static final String[] UNITS = {"KB", "MB", "GB"};

    private ByteSize() {}

    public static String words(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size is not negative: " + bytes);
        }
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        // the unit is chosen after rounding, so that 1,048,575 bytes is "1 MB", not "1024 KB"
        while (unit < UNITS.length - 1 && round(value) >= 1024) {
            value /= 1024;
            unit++;
        }
        if (unit < 0) {
            value /= 1024;
            unit = 0;
        }
        double shown = round(value);
        String number = shown >= 100 || shown == Math.rint(shown)
                ? String.format(Locale.ROOT, "%.0f", shown) : String.format(Locale.ROOT, "%.1f", shown);
        return number + " " + UNITS[unit];
    }

    /**
     * Two sizes that are to be told apart ("120 MB; at most 100 MB"): in words, or in exact bytes when the words
     * would be the same (100 MB and one byte against 100 MB).
     */
    public static String[] distinct(long first, long second) {
        String a = words(first);
        String b = words(second);
        if (a.equals(b) && first != second) {
            return new String[] {String.format(Locale.ROOT, "%,d bytes", first), String.format(Locale.ROOT, "%,d bytes", second)};
        }
        return new String[] {a, b};
    }

    /** One decimal below 100, whole numbers above: the number {@link #words} prints. */
    private static double round(double value) {
        return value >= 99.95 ? Math.rint(value) : Math.rint(value * 10) / 10;
    }
}
