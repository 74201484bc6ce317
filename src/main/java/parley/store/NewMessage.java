package parley.store;

import java.util.Objects;
import parley.crypto.MessageId;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;

/**
 * A message on its way into the store ({@link ProfileStore#addMessage}), before it has an ordinal. Checks that the
 * status fits the direction: IN messages are RECEIVED, OUT messages QUEUED, SENT or DELIVERED.
 */
public record NewMessage(MessageId messageId, Direction direction, long seq, long sentAt, Status status, byte[] body) {
    public NewMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        boolean fits = switch (direction) {
            case IN -> status == Status.RECEIVED;
            case OUT -> status != Status.RECEIVED;
        };
        if (!fits) {
            throw new IllegalArgumentException("an " + direction + " message cannot have status " + status);
        }
    }

    @Override
    public String toString() {
        return "NewMessage[" + direction + " " + messageId + " seq=" + seq + " " + status + ", " + body.length
                + " bytes]";
    }
}
