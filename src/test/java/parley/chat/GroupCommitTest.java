package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;
import parley.store.ProfileStore;

/** What promises durability waits for one sync per turn of the chat thread (docs/protocol.md section 6). */
class GroupCommitTest {
    @TempDir
    Path tmp;

    private final ArrayDeque<Runnable> chatThread = new ArrayDeque<>();

    @Test
    void everythingOfOneTurnWaitsForOneSyncQueuedBehindTheWorkAlreadyWaiting() {
        try (ProfileStore store = ProfileStore.open(tmp.resolve("p"), Optional.empty(), PassphraseKey.Params.forTests())) {
            GroupCommit commit = new GroupCommit(store, chatThread::add);
            List<String> done = new ArrayList<>();
            chatThread.add(() -> done.add("work queued before"));
            commit.afterSync(() -> done.add("publish 1"));
            commit.afterSync(() -> done.add("ack"));
            assertThat(done).isEmpty();
            assertThat(chatThread).hasSize(2); // the earlier work and one sync, not one per promise
            runChatThread();
            assertThat(done).containsExactly("work queued before", "publish 1", "ack");
            commit.afterSync(() -> done.add("publish 2")); // a later turn queues its own sync
            runChatThread();
            assertThat(done).endsWith("publish 2");
        }
    }

    @Test
    void whenTheSyncFailsNothingIsPromised() {
        ProfileStore store = ProfileStore.open(tmp.resolve("p"), Optional.empty(), PassphraseKey.Params.forTests());
        GroupCommit commit = new GroupCommit(store, chatThread::add);
        List<String> done = new ArrayList<>();
        commit.afterSync(() -> done.add("ack"));
        commit.afterSyncOrFailure(new GroupCommit.Durable() {
            @Override
            public void synced() {
                done.add("command completed");
            }

            @Override
            public void failed(RuntimeException e) {
                done.add("command failed: " + e.getMessage());
            }
        });
        store.close();
        runChatThread();
        assertThat(done).singleElement().asString().startsWith("command failed:").contains("closed");
    }

    private void runChatThread() {
        while (!chatThread.isEmpty()) {
            chatThread.poll().run();
        }
    }
}
