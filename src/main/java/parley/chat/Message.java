package parley.chat;

import java.time.Instant;
import java.util.Optional;
import parley.crypto.MessageId;
import parley.crypto.ChatId;

/**
 * One message as the faces show it. {@code ordinal} orders a chat's history and pages it.
 * {@code toString} leaves the text out, so logs never carry plaintext. A message that carries a file has an
 * {@link Attachment}; its {@code text} is then the fallback an older Parley shows (docs/protocol.md section 9.3).
 */
public record Message(ChatId chat, MessageId id, boolean outgoing, String text, Instant sent, Delivery delivery, long ordinal,
        Optional<Attachment> attachment) {
    @Override
    public String toString() {
        return "Message[chat=" + chat + ", id=" + id + ", outgoing=" + outgoing + ", chars=" + text.length()
                + ", delivery=" + delivery + ", ordinal=" + ordinal + attachment.map(a -> ", " + a).orElse("") + "]";
    }
}
