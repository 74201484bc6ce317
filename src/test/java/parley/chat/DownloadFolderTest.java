package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadFolderTest {
    @TempDir
    Path home;

    private Path userDirs(Path config, String content) throws IOException {
        Files.createDirectories(config);
        return Files.writeString(config.resolve("user-dirs.dirs"), content);
    }

    @Test
    void theXdgDownloadFolderWithHomeExpanded() throws IOException {
        Path folder = Files.createDirectories(home.resolve("Téléchargements"));
        userDirs(home.resolve(".config"), """
                # This file is written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/Desktop"
                XDG_DOWNLOAD_DIR="$HOME/Téléchargements"
                """);
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(folder);
    }

    @Test
    void xdgConfigHomeIsWhereTheFileIsAndAnAbsolutePathIsTakenAsItIs() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere/dl"));
        Path config = home.resolve("cfg");
        userDirs(config, "XDG_DOWNLOAD_DIR=\"" + elsewhere + "\"\n");
        userDirs(home.resolve(".config"), "XDG_DOWNLOAD_DIR=\"$HOME/ignored\"\n");
        Files.createDirectories(home.resolve("ignored"));
        assertThat(DownloadFolder.of(Map.of("XDG_CONFIG_HOME", config.toString()), home)).isEqualTo(elsewhere);
    }

    @Test
    void noOtherVariableOrCommandIsExpanded() throws IOException {
        Files.createDirectories(home.resolve("Downloads"));
        userDirs(home.resolve(".config"), "XDG_DOWNLOAD_DIR=\"$(rm -rf ~)/x\"\nXDG_MUSIC_DIR=\"$HOME/Music\"\n");
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(home.resolve("Downloads"));
        userDirs(home.resolve(".config"), "XDG_DOWNLOAD_DIR=\"$USER/x\"\n");
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(home.resolve("Downloads"));
    }

    @Test
    void aDisabledEntryMeansHome() throws IOException {
        Files.createDirectories(home.resolve("Downloads"));
        userDirs(home.resolve(".config"), "XDG_DOWNLOAD_DIR=\"$HOME/\"\n");
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(home);
    }

    @Test
    void withoutTheFileDownloadsIfItExistsElseHome() throws IOException {
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(home);
        Path downloads = Files.createDirectories(home.resolve("Downloads"));
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(downloads);
    }

    @Test
    void aConfiguredFolderThatIsMissingFallsBack() throws IOException {
        userDirs(home.resolve(".config"), "XDG_DOWNLOAD_DIR=\"$HOME/gone\"\n");
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(home);
    }
}
