package parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;

/** The key line of the chat info: epoch, since when, and "refreshing…" while a refresh waits for the friend. */
class ChatInfoDialogTest {

    @Test
    void theKeyLineSaysTheEpochAndWhenItChanged() {
        Instant since = Instant.parse("2026-03-01T10:15:30Z");
        String line = ChatInfoDialog.keyLine(chat(2, Optional.of(since), false));
        assertThat(line).startsWith("Key epoch 2, since ").doesNotContain("refreshing");
        assertThat(line.substring("Key epoch 2, since ".length())).isNotBlank();
    }

    @Test
    void aRefreshUnderWayIsShown() {
        assertThat(ChatInfoDialog.keyLine(chat(0, Optional.empty(), true))).isEqualTo("Key epoch 0 · refreshing…");
    }

    private static Chat chat(long epoch, Optional<Instant> since, boolean rekeying) {
        return new Chat(ChatId.random(), "Bob", ChatPhase.ACTIVE, true, Instant.EPOCH, Optional.empty(),
                Optional.empty(), 0, new Chat.Connection(Chat.Connection.Status.ONLINE, "online"), false, epoch, since,
                rekeying, new parley.chat.ChatBroker("broker.example", true));
    }
}
