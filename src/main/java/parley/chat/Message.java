package parley.chat;

import java.time.Instant;
import parley.crypto.MessageId;
import parley.crypto.ChatId;

/**
 * One message as the faces show it. {@code ordinal} orders a chat's history and pages it.
 * {@code toString} leaves the text out, so logs never carry plaintext.
 */
public record Message(ChatId chat, MessageId id, boolean outgoing, String text, Instant sent, Delivery delivery, long ordinal) {
    @Override
    public String toString() {
        return "Message[chat=" + chat + ", id=" + id + ", outgoing=" + outgoing + ", chars=" + text.length()
                + ", delivery=" + delivery + ", ordinal=" + ordinal + "]";
    }
}
