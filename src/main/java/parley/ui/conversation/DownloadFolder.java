package parley.ui.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Save looks first: the desktop's download folder as xdg-user-dirs names it ({@code XDG_DOWNLOAD_DIR} in
 * {@code $XDG_CONFIG_HOME/user-dirs.dirs}, by default {@code ~/.config}), else {@code ~/Downloads}, else the home
 * folder. Only a folder that exists is taken.
 */
final class DownloadFolder {
    private static final String KEY = "XDG_DOWNLOAD_DIR=";

    private DownloadFolder() {}

    /** For this user: the home folder and config folder the JVM and the environment name. */
    static Path current() {
        Path home = Path.of(System.getProperty("user.home"));
        Optional<Path> config = Optional.ofNullable(System.getenv("XDG_CONFIG_HOME")).filter(s -> !s.isBlank())
                .map(Path::of).filter(Path::isAbsolute);
        return resolve(home, config.orElse(home.resolve(".config")));
    }

    static Path resolve(Path home, Path configDir) {
        return fromUserDirs(home, configDir.resolve("user-dirs.dirs"))
                .or(() -> Optional.of(home.resolve("Downloads")).filter(Files::isDirectory))
                .orElse(home);
    }

    /**
     * The file's form (xdg-user-dirs-update writes it): lines {@code XDG_DOWNLOAD_DIR="$HOME/Downloads"}, a value in
     * double quotes that is {@code $HOME/...} or an absolute path; {@code #} starts a comment.
     */
    static Optional<Path> fromUserDirs(Path home, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // none, or unreadable: the fallbacks
        }
        for (String line : lines) {
            String l = line.strip();
            if (!l.startsWith(KEY)) {
                continue;
            }
            String value = l.substring(KEY.length());
            if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
                return Optional.empty();
            }
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
            Path dir;
            if (value.equals("$HOME")) {
                dir = home;
            } else if (value.startsWith("$HOME/")) {
                dir = home.resolve(value.substring("$HOME/".length()));
            } else if (value.startsWith("/")) {
                dir = Path.of(value);
            } else {
                return Optional.empty();
            }
            return Optional.of(dir).filter(Files::isDirectory);
        }
        return Optional.empty();
    }
}
