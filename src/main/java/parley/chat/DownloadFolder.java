package parley.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a saved file goes when the user names no folder: the XDG download folder ({@code XDG_DOWNLOAD_DIR} in
 * {@code ${XDG_CONFIG_HOME:-~/.config}/user-dirs.dirs}), else {@code ~/Downloads} if it exists, else the home folder.
 * The environment and home come in as arguments, so the CLI and the desktop app resolve it alike and tests can too.
 */
public final class DownloadFolder {
    private static final String KEY = "XDG_DOWNLOAD_DIR=";
    private static final String HOME = "$HOME";

    private DownloadFolder() {}

    /** The download folder of the user whose environment is {@code env} and home {@code home}. */
    public static Path of(Map<String, String> env, Path home) {
        return configured(env, home).filter(Files::isDirectory)
                .or(() -> Optional.of(home.resolve("Downloads")).filter(Files::isDirectory))
                .orElse(home);
    }

    /** This process's user: {@code $HOME} (what the shell and xdg-user-dirs use), else {@code user.home}. */
    public static Path forThisUser() {
        Map<String, String> env = System.getenv();
        return of(env, Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))));
    }

    /**
     * The folder user-dirs.dirs names. Its format (xdg-user-dirs) is {@code XDG_DOWNLOAD_DIR="$HOME/sub"} or an
     * absolute path in double quotes; only {@code $HOME} is expanded, as xdg-user-dirs itself does, so no other
     * variable or command in that file is ever interpreted.
     */
    static Optional<Path> configured(Map<String, String> env, Path home) {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path config = configHome != null && Path.of(configHome).isAbsolute() ? Path.of(configHome)
                : home.resolve(".config");
        List<String> lines;
        try {
            lines = Files.readAllLines(config.resolve("user-dirs.dirs"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // no such file, or not text: the next choice
        }
        Optional<Path> found = Optional.empty();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith(KEY)) {
                found = parse(l.substring(KEY.length()), home); // the last one counts, as in a shell
            }
        }
        return found;
    }

    private static Optional<Path> parse(String quoted, Path home) {
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            return Optional.empty();
        }
        String value = quoted.substring(1, quoted.length() - 1);
        if (value.equals(HOME)) {
            return Optional.of(home);
        }
        if (value.startsWith(HOME + "/")) {
            String rest = value.substring(HOME.length() + 1);
            return rest.isEmpty() ? Optional.of(home) : Optional.of(home.resolve(rest).normalize());
        }
        return value.startsWith("/") ? Optional.of(Path.of(value).normalize()) : Optional.empty();
    }
}
