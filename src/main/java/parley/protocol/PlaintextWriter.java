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
                    if (msg.file().isPresent()) {
                        FileManifest f = msg.file().get();
                        json.name("file").beginObject();
                        json.name("name").value(f.name());
                        json.name("size").value(f.size());
                        json.name("type").value(f.type());
                        json.name("chunk").value(parley.crypto.ChunkCipher.CHUNK_SIZE);
                        json.name("count").value(f.count());
                        json.name("sha256").value(f.sha256());
                        json.name("key").value(f.key().encoded());
                        json.endObject();
                    }
                }
                case Ack ack -> {
                    json.name("ts").value(ack.ts());
                    json.name("ids").beginArray();
                    for (MessageId id : ack.ids()) {
                        json.value(id.value());
                    }
                    json.endArray();
                    if (ack.files()) {
                        json.name("files").value(1);
                    }
                }
                case FileWant want -> {
                    json.name("ts").value(want.ts());
                    json.name("file").value(want.file().value());
                    json.name("have").value(want.have());
                    json.name("want").beginArray();
                    for (int i : want.want()) {
                        json.value(i);
                    }
                    json.endArray();
                }
                case Chunk chunk -> {
                    json.name("ts").value(chunk.ts());
                    json.name("file").value(chunk.file().value());
                    json.name("i").value(chunk.i());
                    json.name("data").value(chunk.data());
                }
                case FileGone gone -> {
                    json.name("ts").value(gone.ts());
                    json.name("file").value(gone.file().value());
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
