package parley.ui.chatlist;

import java.time.Instant;
import java.util.Optional;
import parley.chat.Chat;

/**
 * A row of the chat list: the chat's snapshot and its newest message, when there is one (the row previews that
 * message and shows its time).
 */
public record ChatEntry(Chat chat, Optional<Last> last) {

    /** The newest message's text, when it was sent, and its place in the chat. */
    record Last(String text, Instant sent, long ordinal) {
        @Override
        public String toString() {
            return "Last[" + sent + "]"; // the text is plaintext
        }
    }

    Instant activity() {
        return chat.lastActivity().orElse(chat.created());
    }

    /** The time the row shows: the previewed message's, else the chat's last activity. */
    Instant shownTime() {
        return last.map(Last::sent).orElse(activity());
    }

    Optional<String> lastMessage() {
        return last.map(Last::text);
    }

    ChatEntry with(Chat next) {
        return new ChatEntry(next, last);
    }

    /** The entry with {@code next} as its newest message, unless a later one is shown (a late history answer). */
    ChatEntry withLast(Last next) {
        return last.filter(l -> l.ordinal() > next.ordinal()).isPresent() ? this : new ChatEntry(chat, Optional.of(next));
    }

    /** What a screen reader says for the row. */
    public String spoken() {
        return chat.name() + (chat.verified() ? ", verified" : "") + (chat.broker().own() ? "" : ", on another broker") + (chat.unread() > 0 ? ", " + chat.unread() + " unread" : "") + ", "
                + chat.connection().detail() + lastMessage().map(m -> ", last message: " + m).orElse("");
    }

    @Override
    public String toString() {
        return "ChatEntry[" + chat.id() + "]"; // the last message is plaintext
    }
}
