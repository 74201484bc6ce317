package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;
import static parley.store.TestIds.messages;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.StoredMessage;

class ProfileStoreTest {
    @TempDir
    Path tmp;
    private Path dir;
    private ProfileStore store;

    @BeforeEach
    void open() {
        dir = tmp.resolve("profile");
        store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ProfileStore reopen() {
        store.close();
        store = ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests());
        return store;
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void aMessageAndTheChatStateThatCountsItAreStoredTogether() {
        store.putChat(chat("c"), b("seq=0"));
        StoredMessage m = store.addMessage(chat("c"), b("seq=1"), new NewMessage(message("m1"), Direction.OUT, 1, 10, Status.QUEUED, b("hi")));
        reopen();
        assertThat(store.chat(chat("c"))).hasValueSatisfying(state -> assertThat(state).isEqualTo(b("seq=1")));
        assertThat(store.outbox(chat("c"))).containsExactly(m);
    }

    @Test
    void chatsRoundTripInCreationOrderAcrossReopen() {
        store.putChat(chat("zeta"), b("z1"));
        store.putChat(chat("alpha"), b("a1"));
        store.putChat(chat("zeta"), b("z2")); // replacing keeps its place
        reopen();
        assertThat(store.chats().keySet()).containsExactly(chat("zeta"), chat("alpha"));
        assertThat(store.chat(chat("zeta"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("z2")));
        assertThat(store.chat(chat("alpha"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("a1")));
        assertThat(store.chat(chat("nope"))).isEmpty();
        assertThat(store.directory()).isEqualTo(dir.toAbsolutePath());
        assertThat(store.encrypted()).isFalse();
    }

    @Test
    void settingsRoundTripAndReplace() {
        store.putSetting("name", b("Ada"));
        store.putSetting("name", b("Ada L."));
        store.putSetting("empty", new byte[0]);
        reopen();
        assertThat(store.setting("name")).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("Ada L.")));
        assertThat(store.setting("empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(store.setting("other")).isEmpty();
    }

    @Test
    void messagesRoundTripWithOrdinalsPerChat() {
        store.putChat(chat("a"), b("s"));
        store.putChat(chat("b"), b("s"));
        StoredMessage first = store.addMessage(chat("a"), new NewMessage(message("m1"), Direction.OUT, 1, 1000, Status.QUEUED, b("hello")));
        StoredMessage other = store.addMessage(chat("b"), new NewMessage(message("m1"), Direction.IN, 7, 2000, Status.RECEIVED, b("hi")));
        StoredMessage second = store.addMessage(chat("a"), new NewMessage(message("m2"), Direction.IN, 3, 3000, Status.RECEIVED, b("yo")));
        assertThat(first.ordinal()).isEqualTo(1);
        assertThat(other.ordinal()).isEqualTo(1);
        assertThat(second.ordinal()).isEqualTo(2);
        reopen();
        StoredMessage read = store.lastMessage(chat("a")).orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.body()).isEqualTo(b("yo"));
        assertThat(read.storedAt()).isPositive();
        assertThat(store.history(chat("a"), Long.MAX_VALUE, 10)).containsExactly(second, first);
        assertThat(store.messageCount(chat("a"))).isEqualTo(2);
        assertThat(store.messageCount(chat("b"))).isEqualTo(1);
        assertThat(store.lastMessage(chat("none"))).isEmpty();
        assertThat(store.hasMessage(chat("a"), Direction.OUT, message("m1"))).isTrue();
        assertThat(store.hasMessage(chat("a"), Direction.IN, message("m1"))).isFalse();
    }

    @Test
    void addingTheSameMessageAgainReturnsTheStoredRowUnchanged() {
        store.putChat(chat("a"), b("s"));
        StoredMessage first = store.addMessage(chat("a"), new NewMessage(message("dup"), Direction.IN, 5, 100, Status.RECEIVED, b("original")));
        StoredMessage again = store.addMessage(chat("a"), new NewMessage(message("dup"), Direction.IN, 6, 200, Status.RECEIVED, b("replayed")));
        assertThat(again).isEqualTo(first);
        assertThat(store.messageCount(chat("a"))).isEqualTo(1);
        // the same id the other way is another message
        assertThat(store.addMessage(chat("a"), new NewMessage(message("dup"), Direction.OUT, 1, 1, Status.QUEUED, b("x"))).ordinal()).isEqualTo(2);
    }

    @Test
    void statusOnlyMovesForward() {
        store.putChat(chat("a"), b("s"));
        store.addMessage(chat("a"), new NewMessage(message("m"), Direction.OUT, 1, 1, Status.QUEUED, b("x")));
        assertThat(store.setStatus(chat("a"), message("m"), Status.SENT)).isTrue();
        assertThat(store.setStatus(chat("a"), message("m"), Status.SENT)).isFalse();
        assertThat(store.setStatus(chat("a"), message("m"), Status.DELIVERED)).isTrue();
        assertThat(store.setStatus(chat("a"), message("m"), Status.SENT)).isFalse();
        assertThat(store.setStatus(chat("a"), message("m"), Status.QUEUED)).isFalse();
        assertThat(store.lastMessage(chat("a")).orElseThrow().status()).isEqualTo(Status.DELIVERED);
        assertThat(store.setStatus(chat("a"), message("unknown"), Status.SENT)).isFalse();
    }

    @Test
    void ackMayOvertakePuback() {
        store.putChat(chat("a"), b("s"));
        store.addMessage(chat("a"), new NewMessage(message("m"), Direction.OUT, 1, 1, Status.QUEUED, b("x")));
        assertThat(store.setStatus(chat("a"), message("m"), Status.DELIVERED)).isTrue();
        assertThat(store.setStatus(chat("a"), message("m"), Status.SENT)).isFalse();
    }

    @Test
    void incomingMessagesHaveNoStatusToSet() {
        store.putChat(chat("a"), b("s"));
        store.addMessage(chat("a"), new NewMessage(message("m"), Direction.IN, 1, 1, Status.RECEIVED, b("x")));
        assertThat(store.setStatus(chat("a"), message("m"), Status.DELIVERED)).isFalse();
        assertThatThrownBy(() -> store.setStatus(chat("a"), message("m"), Status.RECEIVED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RECEIVED");
    }

    @Test
    void statusMustFitTheDirection() {
        store.putChat(chat("a"), b("s"));
        assertThatThrownBy(() -> store.addMessage(chat("a"), new NewMessage(message("m"), Direction.IN, 1, 1, Status.QUEUED, b("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IN message cannot have status");
        assertThatThrownBy(() -> store.addMessage(chat("a"), new NewMessage(message("m"), Direction.OUT, 1, 1, Status.RECEIVED, b("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OUT message cannot have");
    }

    @Test
    void messagesNeedAnExistingChat() {
        assertThatThrownBy(() -> store.addMessage(chat("ghost"), new NewMessage(message("m"), Direction.IN, 1, 1, Status.RECEIVED, b("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no chat " + chat("ghost").value());
        assertThat(store.messageCount(chat("ghost"))).isZero();
    }

    @Test
    void historyPagesNewestFirstAcrossPageBoundaries() {
        store.putChat(chat("a"), b("s"));
        for (int i = 1; i <= 25; i++) {
            store.addMessage(chat("a"), new NewMessage(message("m" + i), i % 2 == 0 ? Direction.IN : Direction.OUT, i, i,
                    i % 2 == 0 ? Status.RECEIVED : Status.SENT, b("body" + i)));
        }
        List<StoredMessage> page1 = store.history(chat("a"), Long.MAX_VALUE, 10);
        List<StoredMessage> page2 = store.history(chat("a"), page1.getLast().ordinal(), 10);
        List<StoredMessage> page3 = store.history(chat("a"), page2.getLast().ordinal(), 10);
        assertThat(page1).extracting(StoredMessage::messageId).containsExactly(
                messages("m25", "m24", "m23", "m22", "m21", "m20", "m19", "m18", "m17", "m16"));
        assertThat(page2).extracting(StoredMessage::ordinal).containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L,
                6L);
        assertThat(page3).extracting(StoredMessage::messageId).containsExactly(messages("m5", "m4", "m3", "m2", "m1"));
        assertThat(store.history(chat("a"), 1, 10)).isEmpty();
        assertThatThrownBy(() -> store.history(chat("a"), Long.MAX_VALUE, 0)).hasMessageContaining("limit");
    }

    @Test
    void outboxHoldsUnackedOutgoingMessagesOldestFirst() {
        store.putChat(chat("a"), b("s"));
        store.putChat(chat("b"), b("s"));
        store.addMessage(chat("a"), new NewMessage(message("q1"), Direction.OUT, 1, 1, Status.QUEUED, b("1")));
        store.addMessage(chat("a"), new NewMessage(message("in"), Direction.IN, 1, 1, Status.RECEIVED, b("2")));
        store.addMessage(chat("a"), new NewMessage(message("s1"), Direction.OUT, 2, 2, Status.SENT, b("3")));
        store.addMessage(chat("a"), new NewMessage(message("d1"), Direction.OUT, 3, 3, Status.DELIVERED, b("4")));
        store.addMessage(chat("a"), new NewMessage(message("q2"), Direction.OUT, 4, 4, Status.QUEUED, b("5")));
        store.addMessage(chat("b"), new NewMessage(message("other"), Direction.OUT, 1, 1, Status.QUEUED, b("6")));
        assertThat(store.outbox(chat("a"))).extracting(StoredMessage::messageId).containsExactly(messages("q1", "s1", "q2"));
        store.setStatus(chat("a"), message("q1"), Status.DELIVERED);
        store.setStatus(chat("a"), message("q2"), Status.SENT);
        reopen();
        assertThat(store.outbox(chat("a"))).extracting(StoredMessage::messageId).containsExactly(messages("s1", "q2"));
        assertThat(store.outbox(chat("a")).getFirst().body()).isEqualTo(b("3"));
    }

    @Test
    void toStringShowsNoBody() {
        store.putChat(chat("a"), b("s"));
        StoredMessage m = store.addMessage(chat("a"), new NewMessage(message("m"), Direction.OUT, 1, 1, Status.QUEUED, b("secret words")));
        assertThat(m.toString()).doesNotContain("secret").contains("12 bytes").contains(m.messageId().value());
    }

    @Test
    void closedStoreRefusesCalls() {
        store.close();
        assertThatThrownBy(() -> store.chats()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void secondOpenInTheSameProcessIsRefused() {
        assertThatThrownBy(() -> ProfileStore.open(dir, Optional.empty(), PassphraseKey.Params.forTests()))
                .isInstanceOf(ProfileInUseException.class)
                .hasMessage("this profile is open in another Parley: " + dir.toAbsolutePath());
    }

    @Test
    void manyThreadsAtOnce() throws Exception {
        store.putChat(chat("a"), b("s"));
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50; i++) {
                    store.addMessage(chat("a"), new NewMessage(message(id + "-" + i), Direction.IN, i, i, Status.RECEIVED, b("x")));
                    store.history(chat("a"), Long.MAX_VALUE, 5);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(store.messageCount(chat("a"))).isEqualTo(200);
        assertThat(store.history(chat("a"), Long.MAX_VALUE, 200)).extracting(StoredMessage::ordinal)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
    }
}
