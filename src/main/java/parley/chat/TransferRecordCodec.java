package parley.chat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;
import java.util.Optional;
import parley.crypto.FileKey;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;

/** Writes a {@link TransferRecord} as the versioned JSON blob the store keeps (sealed at rest), and reads it back. */
final class TransferRecordCodec {
    static final int FORMAT = 1;

    private TransferRecordCodec() {}

    static byte[] encode(TransferRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("id", r.id.value());
        o.addProperty("out", r.outgoing);
        o.addProperty("name", r.manifest.name());
        o.addProperty("size", r.manifest.size());
        o.addProperty("type", r.manifest.type());
        o.addProperty("count", r.manifest.count());
        o.addProperty("sha256", r.manifest.sha256());
        o.addProperty("key", r.manifest.key().encoded());
        o.addProperty("offeredAt", r.offeredAt);
        o.addProperty("state", r.state.name());
        o.addProperty("held", Base64.getEncoder().encodeToString(r.held.toByteArray()));
        o.addProperty("peerHave", r.peerHave);
        r.problem.ifPresent(p -> o.addProperty("problem", p));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when the blob is not a transfer this version can read */
    static TransferRecord decode(byte[] blob) {
        try {
            JsonObject o = JsonParser.parseString(new String(blob, StandardCharsets.UTF_8)).getAsJsonObject();
            int format = o.get("format").getAsInt();
            if (format > FORMAT) {
                throw new IllegalArgumentException("stored transfer has format " + format + "; this Parley reads up to "
                        + FORMAT);
            }
            FileManifest manifest = new FileManifest(o.get("name").getAsString(), o.get("size").getAsLong(),
                    o.get("type").getAsString(), o.get("count").getAsInt(), o.get("sha256").getAsString(),
                    FileKey.of("key", o.get("key").getAsString()));
            TransferRecord r = new TransferRecord(new MessageId(o.get("id").getAsString()),
                    o.get("out").getAsBoolean(), manifest, o.get("offeredAt").getAsLong(),
                    TransferState.valueOf(o.get("state").getAsString()),
                    BitSet.valueOf(Base64.getDecoder().decode(o.get("held").getAsString())));
            r.peerHave = o.get("peerHave").getAsInt();
            r.problem = Optional.ofNullable(o.get("problem")).map(e -> e.getAsString());
            return r;
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("stored transfer is not readable: " + e.getMessage(), e);
        }
    }
}
