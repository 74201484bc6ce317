package parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save starts in the download folder that xdg-user-dirs names, else ~/Downloads, else home. */
class DownloadFolderTest {
    private static final String HEADER = """
            # This file is written by xdg-user-dirs-update
            # If you want to change or add directories, just edit the line you're
            # interested in. All local changes will be retained on the next run.
            XDG_DESKTOP_DIR="$HOME/Desktop"
            """;

    @Test
    void theFolderUserDirsNames(@TempDir Path home) throws Exception {
        Path config = Files.createDirectories(home.resolve(".config"));
        Files.createDirectories(home.resolve("Téléchargements"));
        Files.createDirectories(home.resolve("Downloads"));
        Files.writeString(config.resolve("user-dirs.dirs"), HEADER + "XDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n");
        assertThat(DownloadFolder.resolve(home, config)).isEqualTo(home.resolve("Téléchargements"));
    }

    @Test
    void anAbsolutePathInUserDirs(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        Path config = Files.createDirectories(home.resolve("cfg"));
        Files.writeString(config.resolve("user-dirs.dirs"), HEADER + "XDG_DOWNLOAD_DIR=\"" + elsewhere + "\"\n");
        assertThat(DownloadFolder.resolve(home, config)).isEqualTo(elsewhere);
    }

    @Test
    void aNamedFolderThatIsNotThereFallsBackToDownloads(@TempDir Path home) throws Exception {
        Path config = Files.createDirectories(home.resolve(".config"));
        Files.createDirectories(home.resolve("Downloads"));
        Files.writeString(config.resolve("user-dirs.dirs"), HEADER + "XDG_DOWNLOAD_DIR=\"$HOME/Gone\"\n");
        assertThat(DownloadFolder.resolve(home, config)).isEqualTo(home.resolve("Downloads"));
    }

    @Test
    void withoutUserDirsOrDownloadsItIsHome(@TempDir Path home) throws Exception {
        assertThat(DownloadFolder.resolve(home, home.resolve(".config"))).isEqualTo(home);
        Path config = Files.createDirectories(home.resolve(".config"));
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOWNLOAD_DIR=relative/path\n");
        assertThat(DownloadFolder.resolve(home, config)).as("a value not in the file's form").isEqualTo(home);
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\"$HOME\"\n");
        assertThat(DownloadFolder.resolve(home, config)).isEqualTo(home);
    }
}
