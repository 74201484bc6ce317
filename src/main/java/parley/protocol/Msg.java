package parley.protocol;

import java.util.Optional;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.StrictUtf8;

/**
 * A chat message: 1 to 16,384 bytes of UTF-8 text. Kept in the sender's outbox until an {@link Ack} names it. One
 * with a {@code file} is a file's manifest; its text is the fallback an older version shows (docs/protocol.md 9.3).
 */
public record Msg(MessageId id, InboxId to, long seq, long ts, String text, Optional<FileManifest> file)
        implements Plaintext {
    public static final String TYPE = "msg";
    public static final int MAX_TEXT_BYTES = 16_384;

    public Msg {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.positive("seq", seq);
        Fields.timestamp(ts);
        Fields.required("text", text);
        Fields.required("file", file);
        if (!StrictUtf8.isValid(text)) {
            throw new IllegalArgumentException("text is not valid Unicode (lone surrogate)");
        }
        int bytes = StrictUtf8.length(text);
        if (bytes < 1 || bytes > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(
                    "text must be 1 to " + MAX_TEXT_BYTES + " bytes of UTF-8, not " + bytes);
        }
    }

    /** A text message. */
    public Msg(MessageId id, InboxId to, long seq, long ts, String text) {
        this(id, to, seq, ts, text, Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "Msg[id=" + id + ", to=" + to + ", seq=" + seq + ", ts=" + ts + ", text=<"
                + StrictUtf8.length(text) + " bytes>" + file.map(f -> ", " + f).orElse("") + "]";
    }
}
