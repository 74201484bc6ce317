package parley.protocol;

import java.util.List;
import parley.crypto.InboxId;
import parley.crypto.MessageId;

/**
 * Names 1 to 100 received {@link Msg} ids so the sender can drop them from its outbox. Acks are not acked.
 * {@code files}: the acking side can receive files (written {@code "files":1}; docs/protocol.md section 9.3), which
 * an ack from an older version leaves out.
 */
public record Ack(MessageId id, InboxId to, long ts, List<MessageId> ids, boolean files) implements Plaintext {
    public static final String TYPE = "ack";
    public static final int MAX_IDS = 100;

    public Ack {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.timestamp(ts);
        ids = List.copyOf(Fields.required("ids", ids));
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("ids must hold 1 to " + MAX_IDS + " ids, not " + ids.size());
        }
    }

    /** An ack as this version writes it: it can receive files. */
    public Ack(MessageId id, InboxId to, long ts, List<MessageId> ids) {
        this(id, to, ts, ids, true);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "Ack[id=" + id + ", to=" + to + ", ts=" + ts + ", ids=" + ids + ", files=" + files + "]";
    }
}
