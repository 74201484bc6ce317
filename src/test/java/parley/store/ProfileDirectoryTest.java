package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDirectoryTest {
    @Test
    void usesXdgDataHomeWhenSet() {
        assertThat(ProfileDirectory.defaultDirectory(Map.of("XDG_DATA_HOME", "/data/me"), "/home/me"))
                .isEqualTo(Path.of("/data/me/parley"));
    }

    @Test
    void fallsBackToLocalShareUnderHome() {
        assertThat(ProfileDirectory.defaultDirectory(Map.of(), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/parley"));
    }

    @Test
    void ignoresEmptyAndRelativeXdgDataHome() {
        assertThat(ProfileDirectory.defaultDirectory(Map.of("XDG_DATA_HOME", ""), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/parley"));
        assertThat(ProfileDirectory.defaultDirectory(Map.of("XDG_DATA_HOME", "rel/data"), "/home/me"))
                .isEqualTo(Path.of("/home/me/.local/share/parley"));
    }

    @Test
    void theRealDefaultEndsInParley() {
        assertThat(ProfileDirectory.defaultDirectory().getFileName()).isEqualTo(Path.of("parley"));
    }
}
