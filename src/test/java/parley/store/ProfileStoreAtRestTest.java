package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatKey;
import parley.crypto.PassphraseKey;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;

/** What reaches the disk, with and without a passphrase. */
class ProfileStoreAtRestTest {
    private static final PassphraseKey.Params CHEAP = PassphraseKey.Params.forTests();

    @TempDir
    Path tmp;

    private static Optional<char[]> pw(String s) {
        return Optional.of(s.toCharArray());
    }

    /** Writes a unique marker into chat state, a setting and a message body, and a key-like string too. */
    private static String[] fill(ProfileStore store) {
        String marker = "MARKER-" + java.util.UUID.randomUUID();
        String key = ChatKey.random().passphrase();
        store.putChat(chat("chat"), ("{\"key\":\"" + key + "\",\"note\":\"" + marker + "-state\"}").getBytes(UTF_8));
        store.putSetting("s", (marker + "-setting").getBytes(UTF_8));
        store.addMessage(chat("chat"), new NewMessage(message("m1"), Direction.IN, 1, 1, Status.RECEIVED, (marker + "-body").getBytes(UTF_8)));
        return new String[] {marker, key};
    }

    @Test
    void withoutPassphraseTheMarkersAreInTheFile() {
        Path dir = tmp.resolve("plain");
        String[] written;
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            written = fill(store);
        }
        // the control: this search finds plaintext, so its failing to find it below means something
        assertThat(RawFiles.contain(dir, written[0] + "-state")).isTrue();
        assertThat(RawFiles.contain(dir, written[0] + "-setting")).isTrue();
        assertThat(RawFiles.contain(dir, written[0] + "-body")).isTrue();
        assertThat(RawFiles.contain(dir, written[1])).isTrue();
    }

    @Test
    void withPassphraseNoMarkerReachesAnyFile() {
        Path dir = tmp.resolve("sealed");
        String[] written;
        try (ProfileStore store = ProfileStore.open(dir, pw("open sesame"), CHEAP)) {
            assertThat(store.encrypted()).isTrue();
            written = fill(store);
            // checked while open too: nothing waits in memory to be written in the clear later
            assertThat(RawFiles.contain(dir, written[0])).isFalse();
        }
        assertThat(RawFiles.contain(dir, written[0])).isFalse();
        assertThat(RawFiles.contain(dir, written[1])).isFalse();
        try (ProfileStore store = ProfileStore.open(dir, pw("open sesame"), CHEAP)) {
            assertThat(new String(store.chat(chat("chat")).orElseThrow(), UTF_8)).contains(written[1]);
            assertThat(new String(store.setting("s").orElseThrow(), UTF_8)).isEqualTo(written[0] + "-setting");
            assertThat(new String(store.lastMessage(chat("chat")).orElseThrow().body(), UTF_8))
                    .isEqualTo(written[0] + "-body");
        }
    }

    @Test
    void missingPassphraseIsAskedForAndChangesNothing() {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, pw("secret"), CHEAP)) {
            fill(store);
        }
        Map<String, byte[]> before = RawFiles.snapshot(dir);
        assertThatThrownBy(() -> ProfileStore.open(dir, Optional.empty(), CHEAP))
                .isInstanceOf(PassphraseRequiredException.class).hasMessageContaining(dir.toString());
        assertThat(RawFiles.identical(before, RawFiles.snapshot(dir))).isTrue();
    }

    @Test
    void wrongPassphraseIsRefusedAndTheFilesStayByteIdentical() {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, pw("right"), CHEAP)) {
            fill(store);
        }
        Map<String, byte[]> before = RawFiles.snapshot(dir);
        assertThatThrownBy(() -> ProfileStore.open(dir, pw("wrong"), CHEAP))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("wrong passphrase for profile " + dir.toAbsolutePath());
        assertThat(RawFiles.identical(before, RawFiles.snapshot(dir))).isTrue();
        // and the refusal did not leave it claimed
        ProfileStore.open(dir, pw("right"), CHEAP).close();
    }

    @Test
    void passphraseForAProfileWithoutOneIsRefused() {
        Path dir = tmp.resolve("p");
        ProfileStore.open(dir, Optional.empty(), CHEAP).close();
        assertThatThrownBy(() -> ProfileStore.open(dir, pw("x"), CHEAP))
                .isInstanceOf(StoreException.class).hasMessageContaining("has no passphrase");
    }

    @Test
    void settingChangingAndRemovingThePassphrase() {
        Path dir = tmp.resolve("p");
        String[] written;
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            written = fill(store);
            store.changePassphrase(pw("first"));
            assertThat(store.encrypted()).isTrue();
            // the old plaintext pages were compacted away, not just superseded
            assertThat(RawFiles.contain(dir, written[0])).isFalse();
            assertThat(RawFiles.contain(dir, written[1])).isFalse();
            assertThat(new String(store.setting("s").orElseThrow(), UTF_8)).isEqualTo(written[0] + "-setting");
        }
        assertThatThrownBy(() -> ProfileStore.open(dir, Optional.empty(), CHEAP))
                .isInstanceOf(PassphraseRequiredException.class);
        try (ProfileStore store = ProfileStore.open(dir, pw("first"), CHEAP)) {
            store.changePassphrase(pw("second"));
        }
        assertThatThrownBy(() -> ProfileStore.open(dir, pw("first"), CHEAP))
                .isInstanceOf(WrongPassphraseException.class);
        try (ProfileStore store = ProfileStore.open(dir, pw("second"), CHEAP)) {
            assertThat(new String(store.lastMessage(chat("chat")).orElseThrow().body(), UTF_8))
                    .isEqualTo(written[0] + "-body");
            store.changePassphrase(Optional.empty());
            assertThat(store.encrypted()).isFalse();
        }
        assertThatThrownBy(() -> ProfileStore.open(dir, pw("second"), CHEAP))
                .isInstanceOf(StoreException.class).hasMessageContaining("has no passphrase");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            assertThat(new String(store.chat(chat("chat")).orElseThrow(), UTF_8)).contains(written[1]);
            assertThat(RawFiles.contain(dir, written[0] + "-body")).isTrue();
        }
    }

    @Test
    void checkingThePassphraseAcceptsOnlyTheCurrentOneAndWritesNothing() {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, pw("first"), CHEAP)) {
            fill(store);
            Map<String, byte[]> before = RawFiles.snapshot(dir);
            assertThat(store.checkPassphrase("first".toCharArray())).isTrue();
            assertThat(store.checkPassphrase("First".toCharArray())).isFalse();
            assertThat(store.checkPassphrase("first ".toCharArray())).isFalse();
            assertThat(store.checkPassphrase(new char[0])).isFalse();
            assertThat(store.checkPassphrase(new char[] {'f', '\uD800'})).as("a lone surrogate").isFalse();
            assertThat(RawFiles.identical(before, RawFiles.snapshot(dir))).isTrue();

            store.changePassphrase(pw("second"));
            assertThat(store.checkPassphrase("first".toCharArray())).as("the old one after a change").isFalse();
            assertThat(store.checkPassphrase("second".toCharArray())).isTrue();
        }
    }

    @Test
    void aProfileWithoutPassphraseHasNoneToCheck() {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), CHEAP)) {
            assertThat(store.checkPassphrase("anything".toCharArray())).isFalse();
            store.changePassphrase(pw("set later"));
            assertThat(store.checkPassphrase("set later".toCharArray())).isTrue();
            store.changePassphrase(Optional.empty());
            assertThat(store.checkPassphrase("set later".toCharArray())).as("after removing it").isFalse();
        }
    }

    @Test
    void checkingTheDefaultCostPassphraseWorksToo() {
        // the cost the desktop uses: parameters come from the profile, not from the caller
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, pw("real cost"), PassphraseKey.Params.defaults())) {
            assertThat(store.checkPassphrase("real cost".toCharArray())).isTrue();
            assertThat(store.checkPassphrase("real Cost".toCharArray())).isFalse();
        }
    }

    @Test
    void aClosedStoreChecksNothing() {
        ProfileStore store = ProfileStore.open(tmp.resolve("p"), pw("pw"), CHEAP);
        store.close();
        assertThatThrownBy(() -> store.checkPassphrase("pw".toCharArray())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void blobsAreBoundToTheirRows() throws Exception {
        Path dir = tmp.resolve("p");
        try (ProfileStore store = ProfileStore.open(dir, pw("pw"), CHEAP)) {
            store.putChat(chat("a"), "state of a".getBytes(UTF_8));
            store.putChat(chat("b"), "state of b".getBytes(UTF_8));
        }
        // swap the sealed states behind Parley's back
        try (var c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("parley"), "parley", "")) {
            c.createStatement().execute("UPDATE chats SET state = (SELECT state FROM chats WHERE id = '"
                    + chat("b").value() + "') WHERE id = '" + chat("a").value() + "'");
        }
        try (ProfileStore store = ProfileStore.open(dir, pw("pw"), CHEAP)) {
            assertThat(store.chat(chat("b"))).isPresent();
            assertThatThrownBy(() -> store.chat(chat("a"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not authenticate");
        }
    }
}
