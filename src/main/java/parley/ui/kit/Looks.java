package parley.ui.kit;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import parley.ui.threads.Edt;

/** Installs FlatLaf, light or dark, with Parley's colours from {@code parley/ui/theme/*.properties}. */
public final class Looks {
    private static boolean registered;

    private Looks() {}

    /** Before any window exists (on main) or on the EDT afterwards, with {@link FlatLaf#updateUI()}. */
    public static synchronized void install(boolean dark) {
        if (!registered) {
            FlatLaf.registerCustomDefaultsSource(themeFolder());
            registered = true;
        }
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Whether Parley's look is in place; asks no Swing state, so nothing loads Swing's default look first. */
    public static synchronized boolean installed() {
        return registered;
    }

    public static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    /** Switches a running app: every window is updated. On the EDT. */
    public static void switchTo(boolean dark) {
        Edt.require();
        if (dark == isDark()) {
            return;
        }
        install(dark);
        FlatLaf.updateUI();
    }

    /** FlatLaf reads {@code FlatLaf.properties}, {@code FlatLightLaf.properties} ... relative to this URL. */
    private static URL themeFolder() {
        URL any = Looks.class.getResource("/parley/ui/theme/FlatLaf.properties");
        if (any == null) {
            throw new IllegalStateException("parley/ui/theme/FlatLaf.properties is missing from the build");
        }
        try {
            String s = any.toString(); // jar: and jrt: URLs are opaque: cut the file name off by hand
            return URI.create(s.substring(0, s.lastIndexOf('/') + 1)).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot locate the theme folder from " + any, e);
        }
    }
}
