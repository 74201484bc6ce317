package parley.chat;

import java.time.Instant;
import java.util.Optional;
import parley.crypto.ChatKey;

/**
 * One key of a chat's key epochs (docs/protocol.md section 5): epoch 0 is the key agreed at the join.
 *
 * @param eraseAt when a replaced key is forgotten; empty while it is the current key or before the peer used the
 *                newer one
 */
record EpochKey(long epoch, ChatKey key, Instant since, Optional<Instant> eraseAt) {
    EpochKey eraseAt(Instant when) {
        return new EpochKey(epoch, key, since, Optional.of(when));
    }
}
