package parley.store;

import parley.crypto.MessageId;
import parley.store.ProfileStore.Direction;

/** A file transfer's state as the chat layer wrote it (it holds the file key: the caller zeroes it after use). */
public record StoredTransfer(MessageId messageId, Direction direction, byte[] state) {
    @Override
    public String toString() {
        return "StoredTransfer[" + messageId + ", " + direction + "]";
    }
}
