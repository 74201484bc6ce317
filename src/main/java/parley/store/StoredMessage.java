package parley.store;

import java.util.Arrays;
import java.util.Objects;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;

/**
 * A stored message. {@code ordinal} is given by the store, strictly increasing per chat; {@code storedAt} is the
 * local clock when it was stored. {@code toString} shows no body.
 */
public record StoredMessage(ChatId chatId, long ordinal, MessageId messageId, Direction direction, long seq,
        long sentAt, long storedAt, Status status, byte[] body) {
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredMessage m && m.chatId.equals(chatId) && m.ordinal == ordinal
                && m.messageId.equals(messageId) && m.direction == direction && m.seq == seq
                && m.sentAt == sentAt && m.storedAt == storedAt && m.status == status
                && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chatId, ordinal, messageId, direction, seq, sentAt, storedAt, status)
                + 31 * Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "StoredMessage[chat=" + chatId + ", #" + ordinal + ", " + direction + " " + messageId + ", seq="
                + seq + ", " + status + ", " + body.length + " bytes]";
    }
}
