package parley.protocol;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import parley.crypto.MessageId;

/** A {@link Plaintext} as the one-line JSON object of docs/protocol.md section 3, with exactly its field names. */
final class PlaintextWriter {
    private PlaintextWriter() {}

    static String write(Plaintext plaintext) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setStrictness(Strictness.STRICT);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("t").value(plaintext.type());
            json.name("id").value(plaintext.id().value());
            json.name("to").value(plaintext.to().value());
            switch (plaintext) {
                case Join join -> {
                    common(json, join.seq(), join.ts());
                    json.name("inbox").value(join.inbox().value());
                    json.name("epk").value(join.epk().encoded());
                    if (join.name().isPresent()) {
                        json.name("name").value(join.name().get());
                    }
                }
                case Welcome welcome -> {
                    common(json, welcome.seq(), welcome.ts());
                    json.name("inbox").value(welcome.inbox().value());
                    json.name("epk").value(welcome.epk().encoded());
                    if (welcome.name().isPresent()) {
                        json.name("name").value(welcome.name().get());
                    }
                }
                case Msg msg -> {
                    common(json, msg.seq(), msg.ts());
                    json.name("text").value(msg.text());
                }
                case Ack ack -> {
                    json.name("ts").value(ack.ts());
                    json.name("ids").beginArray();
                    for (MessageId id : ack.ids()) {
                        json.value(id.value());
                    }
                    json.endArray();
                }
                case Rekey rekey -> {
                    common(json, rekey.seq(), rekey.ts());
                    json.name("epoch").value(rekey.epoch());
                    json.name("epk").value(rekey.epk().encoded());
                }
                case RekeyOk rekeyOk -> {
                    common(json, rekeyOk.seq(), rekeyOk.ts());
                    json.name("epoch").value(rekeyOk.epoch());
                    json.name("epk").value(rekeyOk.epk().encoded());
                }
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void common(JsonWriter json, long seq, long ts) throws IOException {
        json.name("seq").value(seq);
        json.name("ts").value(ts);
    }
}
