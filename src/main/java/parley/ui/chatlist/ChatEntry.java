package parley.ui.chatlist;

import java.time.Instant;
import java.util.Optional;
import parley.chat.Chat;

/** A row of the chat list: the chat's snapshot and the last message's text, when there is one. */
public record ChatEntry(Chat chat, Optional<String> lastMessage) {

    Instant activity() {
        return chat.lastActivity().orElse(chat.created());
    }

    ChatEntry with(Chat next) {
        return new ChatEntry(next, lastMessage);
    }

    ChatEntry withLast(String text) {
        return new ChatEntry(chat, Optional.of(text));
    }

    /** What a screen reader says for the row. */
    public String spoken() {
        return chat.name() + (chat.verified() ? ", verified" : "") + (chat.broker().own() ? "" : ", on another broker") + (chat.unread() > 0 ? ", " + chat.unread() + " unread" : "") + ", "
                + chat.connection().detail() + lastMessage.map(m -> ", last message: " + m).orElse("");
    }

    @Override
    public String toString() {
        return "ChatEntry[" + chat.id() + "]"; // the last message is plaintext
    }
}
