package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;
import parley.store.StoredMessage;

/** Other processes on the same profile: one killed with SIGKILL mid-write, one that must be kept out. */
class ProfileStoreProcessTest {
    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path dir = tmp.resolve("profile");
        Process child = ChildJvm.start("add", dir);
        long acknowledged = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                assertThat(line).startsWith("ok ");
                acknowledged = Long.parseLong(line.substring(3));
                if (acknowledged == 300) {
                    child.destroyForcibly(); // SIGKILL while it keeps writing
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the child reached 300 writes").isEqualTo(300);

        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
            assertThat(store.chat(chat("c"))).isPresent();
            long count = store.messageCount(chat("c"));
            System.out.printf("child acknowledged %d messages; %d were on disk after kill -9%n", acknowledged, count);
            assertThat(count).isGreaterThanOrEqualTo(acknowledged);
            for (long n = 1; n <= acknowledged; n++) {
                assertThat(store.hasMessage(chat("c"), ProfileStore.Direction.OUT, message("m" + n))).as("m" + n).isTrue();
            }
            StoredMessage last = store.lastMessage(chat("c")).orElseThrow();
            assertThat(last.ordinal()).isEqualTo(count);
            // and the profile takes writes again
            store.addMessage(chat("c"), new NewMessage(message("after"), ProfileStore.Direction.IN, 1, 1, ProfileStore.Status.RECEIVED,
                    new byte[] {1}));
        }
    }

    @Test
    void anotherProcessIsRefusedWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("profile");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
            store.putChat(chat("c"), new byte[] {1});
            Process child = ChildJvm.start("open", dir);
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output).isEqualTo("ProfileInUseException: this profile is open in another Parley: "
                    + dir.toAbsolutePath());
            assertThat(store.chat(chat("c"))).isPresent();
        }
        // once closed, the other process gets in
        Process child = ChildJvm.start("open", dir);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo("opened");
    }

    @Test
    void killMinus9DuringChangePassphraseLeavesOneWholeState() throws Exception {
        Path dir = tmp.resolve("profile");
        try (ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests())) {
            store.putChat(chat("c"), new byte[] {1});
            List<NewMessage> messages = new java.util.ArrayList<>();
            for (int i = 1; i <= 20_000; i++) {
                messages.add(new NewMessage(message("m" + i), ProfileStore.Direction.IN, i, i, ProfileStore.Status.RECEIVED,
                        ("body " + i).getBytes(StandardCharsets.UTF_8)));
            }
            store.addMessages(chat("c"), messages);
        }
        Process child = ChildJvm.start("rekey", dir);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("start");
            Thread.sleep(300); // re-encrypting 20,000 bodies takes longer than this here
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (ProfileStore store = openInWhicheverStateItIs(dir)) {
            assertThat(store.messageCount(chat("c"))).isEqualTo(20_000);
            // every body reads back under the state the profile is in: none was left half re-written
            long last = Long.MAX_VALUE;
            int seen = 0;
            for (List<StoredMessage> page; !(page = store.history(chat("c"), last, 1000)).isEmpty(); ) {
                for (StoredMessage m : page) {
                    assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("body " + m.seq());
                    seen++;
                }
                last = page.getLast().ordinal();
            }
            assertThat(seen).isEqualTo(20_000);
        }
    }

    private static ProfileStore openInWhicheverStateItIs(Path dir) {
        try {
            ProfileStore store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests());
            System.out.println("killed before the commit: the profile has no passphrase, as before");
            return store;
        } catch (PassphraseRequiredException committed) {
            System.out.println("killed after the commit: the profile has the new passphrase");
            return ProfileStore.open(dir, Optional.of("new".toCharArray()), PassphraseKey.Params.forTests());
        }
    }
}
