package parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;

class ProfileFormatTest {
    @TempDir
    Path tmp;

    private static Connection raw(Path dir) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("parley"), "parley", "");
    }

    @Test
    void aNewProfileIsTheCurrentVersion() throws Exception {
        Path dir = tmp.resolve("p");
        ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()).close();
        try (Connection c = raw(dir)) {
            assertThat(ProfileMeta.read(c).orElseThrow().formatVersion()).isEqualTo(2);
        }
        assertThat(ProfileFormat.CURRENT).isEqualTo(ProfileFormat.STEPS.size() + 1);
    }

    @Test
    void aNewerProfileIsRefusedAndLeftAlone() throws Exception {
        Path dir = tmp.resolve("p");
        ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()).close();
        try (Connection c = raw(dir)) {
            c.createStatement().execute("UPDATE meta SET val = '3' WHERE name = 'format_version'");
        }
        Map<String, byte[]> before = RawFiles.snapshot(dir);
        assertThatThrownBy(() -> ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()))
                .isInstanceOf(NewerProfileFormatException.class)
                .hasMessageContaining("format version 3").hasMessageContaining("reads up to version 2")
                .hasMessageContaining("update Parley");
        assertThat(RawFiles.identical(before, RawFiles.snapshot(dir))).isTrue();
    }

    @Test
    void aVersionOneProfileGainsTheTransfersTableAndKeepsItsData() throws Exception {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
            store.putSetting("kept", new byte[] {7});
        }
        try (Connection c = raw(dir)) {
            c.createStatement().execute("DROP TABLE transfers");
            c.createStatement().execute("UPDATE meta SET val = '1' WHERE name = 'format_version'");
        }
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
            assertThat(store.setting("kept")).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
        }
        try (Connection c = raw(dir)) {
            assertThat(ProfileMeta.read(c).orElseThrow().formatVersion()).isEqualTo(2);
            assertThat(c.createStatement().executeQuery("SELECT COUNT(*) FROM transfers").next()).isTrue();
        }
    }

    @Test
    void upgradeStepsRunInOrderAndRecordEachVersion() throws Exception {
        Path dir = tmp.resolve("p");
        ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()).close();
        try (Connection c = raw(dir)) {
            List<ProfileFormat.UpgradeStep> steps = List.of(
                    x -> x.createStatement().execute("CREATE TABLE added_by_step_one (x INT)"),
                    x -> x.createStatement().execute("INSERT INTO added_by_step_one VALUES (2)"));
            assertThat(ProfileFormat.upgrade(c, 1, steps)).isEqualTo(3);
            assertThat(ProfileMeta.read(c).orElseThrow().formatVersion()).isEqualTo(3);
            var rs = c.createStatement().executeQuery("SELECT x FROM added_by_step_one");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aFileThatIsNotAProfileGivesAClearError() throws Exception {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("parley.mv.db"), "this is not an H2 database at all, just text ".repeat(200));
        assertThatThrownBy(() -> ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()))
                .isInstanceOf(StoreException.class).hasMessageContaining("parley.mv.db");
    }
}
