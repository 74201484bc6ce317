package parley.store;

import static parley.store.TestIds.chat;
import static parley.store.TestIds.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import parley.crypto.MessageId;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;

/**
 * Fills a chat's history fast for the history benchmark (parley.bench): 10,000 messages per transaction through
 * the store's package-private bulk import, instead of one durable commit per message.
 */
public final class BulkHistory {
    private BulkHistory() {}

    /** Adds {@code count} incoming messages of about {@code textBytes} to {@code chatId}, oldest first. */
    public static void fill(ProfileStore store, parley.crypto.ChatId chatId, int count, int textBytes) {
        String padding = "x".repeat(Math.max(0, textBytes - 20));
        for (int done = 0; done < count; ) {
            int batch = Math.min(10_000, count - done);
            List<NewMessage> messages = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                int n = done + i + 1;
                messages.add(new NewMessage(MessageId.random(), Direction.IN, n, 1_700_000_000_000L + n, Status.RECEIVED,
                        ("message " + n + " " + padding).getBytes(StandardCharsets.UTF_8)));
            }
            store.addMessages(chatId, messages);
            done += batch;
        }
    }
}
