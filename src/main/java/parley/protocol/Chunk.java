package parley.protocol;

import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.InboxId;
import parley.crypto.MessageId;

/**
 * Sender to receiver (docs/protocol.md section 9.4): chunk {@code i} of {@code file}, sealed under the file's key
 * (65,552 bytes as canonical base64url). Its tag is checked by the receiver, which holds the key.
 */
public record Chunk(MessageId id, InboxId to, long ts, MessageId file, int i, String data) implements Plaintext {
    public static final String TYPE = "chunk";

    public Chunk {
        Fields.required("id", id);
        Fields.required("to", to);
        Fields.timestamp(ts);
        Fields.required("file", file);
        if (i < 0) {
            throw new IllegalArgumentException("i must be 0 or more, not " + i);
        }
        Base64Url.decode("data", data, ChunkCipher.SEALED_SIZE);
    }

    public static Chunk of(MessageId id, InboxId to, long ts, MessageId file, int i, byte[] sealed) {
        return new Chunk(id, to, ts, file, i, Base64Url.encode(sealed));
    }

    /** The sealed chunk's 65,552 bytes. */
    public byte[] sealed() {
        return Base64Url.decode("data", data, ChunkCipher.SEALED_SIZE);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "Chunk[id=" + id + ", to=" + to + ", file=" + file + ", i=" + i + "]";
    }
}
