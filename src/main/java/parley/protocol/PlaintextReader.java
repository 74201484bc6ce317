package parley.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import parley.crypto.FileKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * Reads a plaintext JSON object field by field. Each getter throws {@link IllegalArgumentException} naming the field
 * when it is missing or of the wrong type; the records check ranges. Unknown fields are ignored, so later versions
 * can add some (docs/protocol.md section 3).
 */
final class PlaintextReader {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private final JsonObject object;

    PlaintextReader(JsonObject object) {
        this.object = object;
    }

    /** The whole plaintext, once {@code t}, {@code id} and {@code to} have been read by the caller. */
    Plaintext read(String type, MessageId id, InboxId to) {
        return switch (type) {
            case Join.TYPE -> new Join(id, to, integer("seq"), integer("ts"), inbox("inbox"), epk(), name());
            case Welcome.TYPE -> new Welcome(id, to, integer("seq"), integer("ts"), inbox("inbox"), epk(), name());
            case Msg.TYPE -> new Msg(id, to, integer("seq"), integer("ts"), string("text"), manifest());
            case Ack.TYPE -> new Ack(id, to, integer("ts"), ids(), filesFlag());
            case Rekey.TYPE -> new Rekey(id, to, integer("seq"), integer("ts"), integer("epoch"), epk());
            case RekeyOk.TYPE -> new RekeyOk(id, to, integer("seq"), integer("ts"), integer("epoch"), epk());
            case FileWant.TYPE -> new FileWant(id, to, integer("ts"), messageId("file"), index("have"), want());
            case Chunk.TYPE -> new Chunk(id, to, integer("ts"), messageId("file"), index("i"), string("data"));
            case FileGone.TYPE -> new FileGone(id, to, integer("ts"), messageId("file"));
            default -> throw new IllegalArgumentException("t is not a known type");
        };
    }

    String string(String field) {
        return asString(field, required(field));
    }

    MessageId messageId(String field) {
        return messageId(field, required(field));
    }

    InboxId inbox(String field) {
        return InboxId.of(field, string(field));
    }

    /** An integer as JSON writes it (no fraction, no exponent) that fits a long; ranges are the records'. */
    long integer(String field) {
        JsonElement value = required(field);
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        String lexical = primitive.getAsString();
        if (!INTEGER.matcher(lexical).matches()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        try {
            return Long.parseLong(lexical);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is out of range");
        }
    }

    /** A chunk index or count: what an int holds (a file has at most 1,600 chunks). */
    private int index(String field) {
        long value = integer(field);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is out of range");
        }
        return (int) value;
    }

    /** The optional {@code file} of a {@code msg} (docs/protocol.md section 9.3). */
    private Optional<FileManifest> manifest() {
        JsonElement value = object.get("file");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject file)) {
            throw new IllegalArgumentException("file must be an object");
        }
        PlaintextReader f = new PlaintextReader(file);
        if (f.integer("chunk") != parley.crypto.ChunkCipher.CHUNK_SIZE) {
            throw new IllegalArgumentException("file.chunk must be " + parley.crypto.ChunkCipher.CHUNK_SIZE);
        }
        long count = f.integer("count");
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("file.count is out of range");
        }
        return Optional.of(new FileManifest(f.string("name"), f.integer("size"), f.string("type"), (int) count,
                f.string("sha256"), FileKey.of("file.key", f.string("key"))));
    }

    /** {@code "files":1} on an ack from a version that receives files; absent from older ones. */
    private boolean filesFlag() {
        if (object.get("files") == null) {
            return false;
        }
        if (integer("files") != 1) {
            throw new IllegalArgumentException("files must be 1");
        }
        return true;
    }

    private List<Integer> want() {
        if (!(required("want") instanceof JsonArray array)) {
            throw new IllegalArgumentException("want must be an array");
        }
        if (array.size() > FileWant.WINDOW) {
            throw new IllegalArgumentException("want must list at most " + FileWant.WINDOW + " chunks");
        }
        List<Integer> want = new ArrayList<>(array.size());
        for (JsonElement element : array) {
            JsonObject holder = new JsonObject();
            holder.add("want", element);
            want.add(new PlaintextReader(holder).index("want"));
        }
        return want;
    }

    private PublicPoint epk() {
        return PublicPoint.of(string("epk"));
    }

    /** An empty name reads as none: a client that sends {@code ""} for "no name" should still be able to join. */
    private Optional<String> name() {
        JsonElement value = object.get("name");
        return value == null ? Optional.empty() : Optional.of(asString("name", value)).filter(n -> !n.isEmpty());
    }

    private List<MessageId> ids() {
        if (!(required("ids") instanceof JsonArray array)) {
            throw new IllegalArgumentException("ids must be an array");
        }
        if (array.size() > Ack.MAX_IDS) {
            throw new IllegalArgumentException("ids must hold at most " + Ack.MAX_IDS + " ids");
        }
        List<MessageId> ids = new ArrayList<>(array.size());
        for (JsonElement element : array) {
            ids.add(messageId("ids", element));
        }
        return ids;
    }

    private JsonElement required(String field) {
        JsonElement value = object.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String asString(String field, JsonElement value) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return primitive.getAsString();
    }

    private static MessageId messageId(String field, JsonElement value) {
        String text = asString(field, value);
        try {
            return new MessageId(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a message id", e);
        }
    }
}
