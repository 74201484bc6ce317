package parley.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parley.ui.threads.Edt;

/**
 * Asks the desktop whether it prefers dark: the XDG desktop portal's {@code org.freedesktop.appearance
 * color-scheme} (1 = dark, 2 = light, 0 = no preference), through {@code gdbus}. FlatLaf cannot tell on Linux.
 * Blocks up to about a second: call it off the EDT.
 */
public final class DesktopColorScheme {
    private static final Pattern VALUE = Pattern.compile("uint32 (\\d)");

    private DesktopColorScheme() {}

    /** True for dark, false for light, empty when there is no portal, no gdbus or no preference. */
    public static Optional<Boolean> prefersDark() {
        Edt.forbid();
        ProcessBuilder pb = new ProcessBuilder("gdbus", "call", "--session", "--timeout", "1",
                "--dest", "org.freedesktop.portal.Desktop", "--object-path", "/org/freedesktop/portal/desktop",
                "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme");
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            if (!p.waitFor(1500, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return parse(out);
        } catch (IOException e) {
            return Optional.empty(); // no gdbus: nothing to follow
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** gdbus prints {@code (<<uint32 1>>,)}. */
    static Optional<Boolean> parse(String gdbusOutput) {
        Matcher m = VALUE.matcher(gdbusOutput);
        if (!m.find()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "1" -> Optional.of(true);
            case "2" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
