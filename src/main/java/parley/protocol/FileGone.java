package parley.protocol;

import parley.crypto.InboxId;
import parley.crypto.MessageId;

/** Sender to receiver (docs/protocol.md section 9.4): {@code file} is no longer offered; stop asking for it. */
public record FileGone(MessageId id, InboxId to, long ts, MessageId file) implements Plaintext {
    public static final String TYPE = "fgone";

    public FileGone {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.timestamp(ts);
        Fields.required("file", file);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
