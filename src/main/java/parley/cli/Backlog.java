package parley.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.Message;

/**
 * Incoming messages that earlier commands ({@code join}, {@code send}, ...) took in while no listener ran: a
 * listener writes them first, then the live ones, each once. A message counts as shown once it was written out
 * (at least once: a crash between the two shows it again). Register for live events before {@link #drain}, and
 * skip live messages {@link #isNew} says the backlog had.
 */
final class Backlog {
    private static final int PAGE = 200;

    private final ChatService chats;
    private final Map<ChatId, Long> written = new HashMap<>();

    Backlog(ChatService chats) {
        this.chats = chats;
    }

    /** Writes up to {@code max} unshown messages of every chat (or only {@code only}), oldest first per chat. */
    int drain(Optional<ChatId> only, int max, Consumer<Message> sink) {
        int count = 0;
        for (Chat chat : chats.chats().join()) {
            if (only.isPresent() && !only.get().equals(chat.id())) {
                continue;
            }
            while (count < max) {
                List<Message> page = chats.unshown(chat.id(), Math.min(PAGE, max - count)).join();
                if (page.isEmpty()) {
                    break;
                }
                for (Message m : page) {
                    sink.accept(m);
                    written.merge(m.chat(), m.ordinal(), Math::max);
                }
                count += page.size();
                chats.markShown(chat.id(), page.getLast().ordinal()).join();
            }
        }
        return count;
    }

    /** Whether a live incoming message is one the backlog did not already write. */
    boolean isNew(Message m) {
        return m.ordinal() > written.getOrDefault(m.chat(), 0L);
    }

    /** Records a live incoming message as written out. */
    void shown(Message m) {
        written.merge(m.chat(), m.ordinal(), Math::max);
        chats.markShown(m.chat(), m.ordinal());
    }
}
