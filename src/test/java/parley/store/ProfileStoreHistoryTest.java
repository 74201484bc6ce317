package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.PassphraseKey;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.StoredMessage;

/** A long history: 100,000 messages in one chat, in an encrypted profile (the slower case). */
class ProfileStoreHistoryTest {
    private static final int MESSAGES = 100_000;

    @TempDir
    Path tmp;

    @Test
    void latestPagesOfAHundredThousandMessages() {
        Path dir = tmp.resolve("profile");
        try (ProfileStore store = ProfileStore.open(dir, Optional.of("pw".toCharArray()),
                PassphraseKey.Params.forTests())) {
            store.putChat(chat("big"), new byte[] {1});
            store.putChat(chat("small"), new byte[] {2});
            long start = System.nanoTime();
            for (int batch = 0; batch < MESSAGES / 10_000; batch++) {
                List<NewMessage> messages = new ArrayList<>();
                for (int i = 1; i <= 10_000; i++) {
                    int n = batch * 10_000 + i;
                    messages.add(new NewMessage(message("m" + n), Direction.IN, n, n, Status.RECEIVED,
                            ("message number " + n).getBytes()));
                }
                store.addMessages(chat("big"), messages);
            }
            System.out.printf("stored %,d messages in %d ms%n", MESSAGES, (System.nanoTime() - start) / 1_000_000);
            store.addMessage(chat("big"), new NewMessage(message("out"), Direction.OUT, 1, 1, Status.QUEUED, new byte[] {3}));

            for (int round = 0; round < 3; round++) {
                long t = System.nanoTime();
                List<StoredMessage> latest = store.history(chat("big"), Long.MAX_VALUE, 50);
                System.out.printf("latest 50 of %,d: %.2f ms%n", MESSAGES + 1, (System.nanoTime() - t) / 1e6);
                assertThat(latest).hasSize(50);
                assertThat(latest.getFirst().messageId()).isEqualTo(message("out"));
                assertThat(latest.get(1).messageId()).isEqualTo(message("m" + MESSAGES));
            }
            long t = System.nanoTime();
            List<StoredMessage> deep = store.history(chat("big"), 50_000, 50);
            System.out.printf("50 from the middle: %.2f ms%n", (System.nanoTime() - t) / 1e6);
            assertThat(deep.getFirst().ordinal()).isEqualTo(49_999);
            t = System.nanoTime();
            assertThat(store.outbox(chat("big"))).extracting(StoredMessage::messageId).containsExactly(message("out"));
            System.out.printf("outbox among %,d: %.2f ms%n", MESSAGES + 1, (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            assertThat(store.messageCount(chat("big"))).isEqualTo(MESSAGES + 1);
            System.out.printf("count: %.2f ms%n", (System.nanoTime() - t) / 1e6);
            assertThat(store.history(chat("small"), Long.MAX_VALUE, 50)).isEmpty();
        }
    }
}
