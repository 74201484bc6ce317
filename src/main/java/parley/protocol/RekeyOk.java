package parley.protocol;

import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * Answers a {@link Rekey} for the same {@code epoch} under E_n with the responder's ephemeral public key
 * (docs/protocol.md section 5, step 2).
 */
public record RekeyOk(MessageId id, InboxId to, long seq, long ts, long epoch, PublicPoint epk) implements Plaintext {
    public static final String TYPE = "rekey-ok";

    public RekeyOk {
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
