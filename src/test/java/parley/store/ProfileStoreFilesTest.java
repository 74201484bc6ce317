package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;

/** Permissions, symbolic links and deletion as they show on disk. */
class ProfileStoreFilesTest {
    private static final PassphraseKey.Params CHEAP = PassphraseKey.Params.forTests();

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static void assertOwnerOnly(Path dir) throws Exception {
        assertThat(mode(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(mode(f)).as(f.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void directoryAndEveryFileAreOwnerOnlyAfterOpenWritesAndCompaction() throws Exception {
        Path dir = tmp.resolve("a/b/profile");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            assertThat(mode(tmp.resolve("a"))).isEqualTo("rwx------");
            assertThat(mode(tmp.resolve("a/b"))).isEqualTo("rwx------");
            assertOwnerOnly(dir);
            assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).contains("parley.mv.db");
            store.putChat(chat("c"), "s".getBytes(UTF_8));
            store.putChat(chat("d"), "s".getBytes(UTF_8));
            for (int i = 0; i < 100; i++) {
                store.addMessage(chat("c"), new NewMessage(message("m" + i), Direction.IN, i, i, Status.RECEIVED, new byte[2000]));
            }
            assertOwnerOnly(dir);
            store.deleteChat(chat("d")); // a full compaction writes a new file
            assertOwnerOnly(dir);
            store.changePassphrase(Optional.of("pw".toCharArray()));
            assertOwnerOnly(dir);
        }
        assertOwnerOnly(dir);
    }

    @Test
    void loosenedPermissionsAreTightenedOnOpen() throws Exception {
        Path dir = tmp.resolve("profile");
        ProfileStore.open(dir, Optional.empty(), CHEAP).close();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("parley.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("notes.txt"), "left by the user");
        Files.setPosixFilePermissions(dir.resolve("notes.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));
        ProfileStore.open(dir, Optional.empty(), CHEAP).close();
        assertOwnerOnly(dir);
    }

    @Test
    void symbolicLinksInsideAreLeftAlone() throws Exception {
        Path dir = tmp.resolve("profile");
        Path outside = Files.writeString(tmp.resolve("shared.txt"), "not Parley's");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("link"), outside);
        ProfileStore.open(dir, Optional.empty(), CHEAP).close();
        assertThat(mode(outside)).isEqualTo("rw-r--r--");
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void aProfileDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThatThrownBy(() -> ProfileStore.open(link, Optional.empty(), CHEAP))
                .isInstanceOf(StoreException.class).hasMessageContaining("is a symbolic link");
        try (Stream<Path> files = Files.list(real)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void deleteChatRemovesItsMessagesAndEveryTraceFromTheFile() {
        Path dir = tmp.resolve("profile");
        String marker = "DELETED-" + java.util.UUID.randomUUID();
        String kept = "KEPT-" + java.util.UUID.randomUUID();
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            store.putChat(chat("gone"), (marker + "-state").getBytes(UTF_8));
            store.putChat(chat("stays"), (kept + "-state").getBytes(UTF_8));
            for (int i = 0; i < 50; i++) {
                store.addMessage(chat("gone"), new NewMessage(message("g" + i), Direction.IN, i, i, Status.RECEIVED,
                        (marker + "-body-" + i).getBytes(UTF_8)));
                store.addMessage(chat("stays"), new NewMessage(message("s" + i), Direction.OUT, i, i, Status.QUEUED, (kept + i).getBytes(UTF_8)));
            }
            store.putChat(chat("gone"), (marker + "-state-v2").getBytes(UTF_8));
            // the control: the search sees the marker before the delete
            assertThat(RawFiles.contain(dir, marker + "-body-7")).isTrue();

            store.deleteChat(chat("gone"));

            assertThat(RawFiles.contain(dir, marker)).isFalse();
            assertThat(store.chats().keySet()).containsExactly(chat("stays"));
            assertThat(store.messageCount(chat("gone"))).isZero();
            assertThat(store.hasMessage(chat("gone"), Direction.IN, message("g1"))).isFalse();
            assertThat(store.messageCount(chat("stays"))).isEqualTo(50);
            assertThat(store.outbox(chat("stays"))).hasSize(50);
            // the store keeps working after the compaction reopened the database
            store.addMessage(chat("stays"), new NewMessage(message("after"), Direction.IN, 1, 1, Status.RECEIVED, "x".getBytes(UTF_8)));
            assertThat(store.lastMessage(chat("stays")).orElseThrow().ordinal()).isEqualTo(51);
            store.deleteChat(chat("never-existed"));
        }
        assertThat(RawFiles.contain(dir, marker)).isFalse();
        assertThat(RawFiles.contain(dir, kept + "-state")).isTrue();
    }
}
