package parley.protocol;

import java.util.Objects;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.MessageId;

/** What {@link PayloadCodec#open} made of a payload. */
public sealed interface Opened {
    /** A valid plaintext for this inbox, and the candidate key whose MAC verified. */
    record Accepted(Plaintext plaintext, ChatKey key) implements Opened {
        public Accepted {
            Objects.requireNonNull(plaintext, "plaintext");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "Accepted[" + plaintext + "]";
        }
    }

    /**
     * A dropped payload. {@code ackable} and {@code key} are present only for an authenticated {@code msg} whose
     * {@code id} parsed but that failed another field check: it is still acked under {@code key}, so that its
     * sender stops re-sending it (docs/protocol.md section 3).
     */
    record Rejected(DropReason reason, Optional<MessageId> ackable, Optional<ChatKey> key) implements Opened {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(ackable, "ackable");
            Objects.requireNonNull(key, "key");
            if (ackable.isPresent() != key.isPresent()) {
                throw new IllegalArgumentException("an ackable id comes with the key to ack it under");
            }
        }

        static Rejected because(DropReason reason) {
            return new Rejected(reason, Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "Rejected[" + reason.label() + ackable.map(id -> ", ackable=" + id).orElse("") + "]";
        }
    }
}
