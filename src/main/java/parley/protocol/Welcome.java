package parley.protocol;

import java.util.Optional;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * The inviter's answer to the first valid join, under K: {@code inbox} is its new inbox I2, {@code epk} its ephemeral
 * public key (docs/protocol.md section 4, step 3).
 */
public record Welcome(MessageId id, InboxId to, long seq, long ts, InboxId inbox, PublicPoint epk, Optional<String> name)
        implements Plaintext {
    public static final String TYPE = "welcome";

    public Welcome {
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
        return "Welcome[id=" + id + ", to=" + to + ", seq=" + seq + ", ts=" + ts + ", inbox=" + inbox + ", epk=" + epk
                + ", name=" + Fields.nameForLog(name) + "]";
    }
}
