package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatId;

class ChatTest {
    private static Chat withUnread(int unread) {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return new Chat(ChatId.random(), "Bob", ChatPhase.ACTIVE, true, at, Optional.empty(), Optional.of(at), unread,
                new Chat.Connection(Chat.Connection.Status.ONLINE, "online"), true, 3, Optional.of(at), false,
                new ChatBroker("broker.example", false));
    }

    @Test
    void readClearsOnlyTheUnreadCount() {
        Chat unread = withUnread(4);
        Chat read = unread.read();
        assertThat(read.unread()).isZero();
        assertThat(read).usingRecursiveComparison().ignoringFields("unread").isEqualTo(unread);
    }

    @Test
    void aReadChatStaysTheSameSnapshot() {
        Chat read = withUnread(0);
        assertThat(read.read()).isSameAs(read);
    }
}
