package parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import parley.crypto.StrictUtf8;

/**
 * Reads {@code {"v":1,"ct":"...","mac":"..."}} from payload bytes. The form {@link PayloadCodec#seal} (and the web
 * client's {@code JSON.stringify}) writes, fields in that order with a base64 {@code ct} and a hex {@code mac}, is
 * recognised on the bytes in one scan: such bytes are ASCII, strict JSON without escapes or duplicate keys, so they
 * read exactly as the strict parser would read them. Anything else (other order, whitespace, escapes, other fields)
 * goes through strict UTF-8 and {@link StrictJson}, which decide whether and why it is refused.
 */
final class EnvelopeReader {
    private static final byte[] HEAD = "{\"v\":1,\"ct\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIDDLE = "\",\"mac\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "\"}".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] BASE64 =
            table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");
    private static final boolean[] LOWER_HEX = table("0123456789abcdef");

    private EnvelopeReader() {}

    static EnvelopeRead read(byte[] payload) {
        Envelope canonical = canonical(payload);
        return canonical != null ? canonical : strict(payload);
    }

    /** The envelope when the bytes are exactly the sealed form, else null (not a refusal: the strict path decides). */
    private static Envelope canonical(byte[] payload) {
        if (!startsWith(payload, 0, HEAD)) {
            return null;
        }
        int ctStart = HEAD.length;
        int ctEnd = skip(payload, ctStart, BASE64);
        if (!startsWith(payload, ctEnd, MIDDLE)) {
            return null;
        }
        int macStart = ctEnd + MIDDLE.length;
        int macEnd = skip(payload, macStart, LOWER_HEX);
        if (macEnd + TAIL.length != payload.length || !startsWith(payload, macEnd, TAIL)) {
            return null;
        }
        return new Envelope(new String(payload, ctStart, ctEnd - ctStart, StandardCharsets.US_ASCII),
                new String(payload, macStart, macEnd - macStart, StandardCharsets.US_ASCII));
    }

    private static EnvelopeRead strict(byte[] payload) {
        Optional<JsonElement> envelope = StrictUtf8.decode(payload).flatMap(StrictJson::parse);
        if (envelope.isEmpty()) {
            return new EnvelopeRead.Refused(DropReason.NOT_JSON, "envelope is not strict UTF-8 JSON");
        }
        if (!(envelope.get() instanceof JsonObject fields)) {
            return new EnvelopeRead.Refused(DropReason.BAD_ENVELOPE, "envelope is not an object");
        }
        if (!(fields.get("v") instanceof JsonPrimitive v) || !v.isNumber() || !v.getAsString().equals("1")) {
            return new EnvelopeRead.Refused(DropReason.BAD_VERSION, "v is not 1");
        }
        if (!(fields.get("ct") instanceof JsonPrimitive ct) || !ct.isString()
                || !(fields.get("mac") instanceof JsonPrimitive mac) || !mac.isString()) {
            return new EnvelopeRead.Refused(DropReason.BAD_ENVELOPE, "ct or mac is not a string");
        }
        return new Envelope(ct.getAsString(), mac.getAsString());
    }

    /** The first index from {@code from} whose byte is not in {@code allowed} (a table over all 256 bytes). */
    private static int skip(byte[] bytes, int from, boolean[] allowed) {
        int i = from;
        while (i < bytes.length && allowed[bytes[i] & 0xff]) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length - at >= prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean[] table(String allowed) {
        boolean[] table = new boolean[256];
        allowed.chars().forEach(c -> table[c] = true);
        return table;
    }
}
