package parley.store;

import java.nio.file.Path;
import java.util.Map;

/** Where a user's Parley profile lives by default, after the XDG Base Directory specification. */
public final class ProfileDirectory {
    private ProfileDirectory() {}

    /** {@code $XDG_DATA_HOME/parley}, or {@code ~/.local/share/parley} when that is unset, empty or relative. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDirectory(Map<String, String> environment, String home) {
        String dataHome = environment.get("XDG_DATA_HOME");
        // the specification says a relative path is invalid and must be ignored
        if (dataHome != null && !dataHome.isEmpty() && Path.of(dataHome).isAbsolute()) {
            return Path.of(dataHome, "parley");
        }
        return Path.of(home, ".local", "share", "parley");
    }
}
