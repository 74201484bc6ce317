package parley.chat;

import java.util.Locale;

/** A file size for people: "812 bytes", "2.4 MB", "100 MB" (decimal units, as file managers show them). */
public final class FileSizes {
    private FileSizes() {}

    public static String describe(long bytes) {
        if (bytes < 1_000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"kB", "MB", "GB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
