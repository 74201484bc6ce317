package parley.protocol;

import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * Starts a rekey to epoch {@code epoch} (n + 1) under the current key E_n, offering the initiator's ephemeral
 * public key (docs/protocol.md section 5, step 1).
 */
public record Rekey(MessageId id, InboxId to, long seq, long ts, long epoch, PublicPoint epk) implements Plaintext {
    public static final String TYPE = "rekey";

    public Rekey {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.positive("seq", seq);
        Fields.timestamp(ts);
        Fields.positive("epoch", epoch);
        Fields.required("epk", epk);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
