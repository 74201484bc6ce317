package parley.protocol;

import java.util.Optional;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * A joiner introduces itself to the inviter under the invite key K: {@code inbox} is the joiner's inbox J,
 * {@code epk} its ephemeral public key (docs/protocol.md section 4, step 2).
 */
public record Join(MessageId id, InboxId to, long seq, long ts, InboxId inbox, PublicPoint epk, Optional<String> name)
        implements Plaintext {
    public static final String TYPE = "join";

    public Join {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.positive("seq", seq);
        Fields.timestamp(ts);
        Fields.required("inbox", inbox);
        Fields.required("epk", epk);
        Fields.name(name);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "Join[id=" + id + ", to=" + to + ", seq=" + seq + ", ts=" + ts + ", inbox=" + inbox + ", epk=" + epk
                + ", name=" + Fields.nameForLog(name) + "]";
    }
}
