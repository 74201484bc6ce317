package parley.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.Chunk;
import parley.protocol.FileGone;
import parley.protocol.FileWant;
import parley.protocol.Join;
import parley.protocol.Msg;
import parley.protocol.Plaintext;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.protocol.Welcome;

/** A plaintext record as the browser client's reader returns it: the wire's field names, absent name left out. */
final class PlaintextJson {
    private PlaintextJson() {}

    static JsonObject of(Plaintext p) {
        JsonObject o = new JsonObject();
        o.addProperty("t", p.type());
        o.addProperty("id", p.id().value());
        o.addProperty("to", p.to().value());
        switch (p) {
            case Join j -> {
                common(o, j.seq(), j.ts());
                o.addProperty("inbox", j.inbox().value());
                o.addProperty("epk", j.epk().encoded());
                j.name().ifPresent(n -> o.addProperty("name", n));
            }
            case Welcome w -> {
                common(o, w.seq(), w.ts());
                o.addProperty("inbox", w.inbox().value());
                o.addProperty("epk", w.epk().encoded());
                w.name().ifPresent(n -> o.addProperty("name", n));
            }
            case Msg m -> {
                common(o, m.seq(), m.ts());
                o.addProperty("text", m.text());
                m.file().ifPresent(f -> {
                    JsonObject file = new JsonObject();
                    file.addProperty("name", f.name());
                    file.addProperty("size", f.size());
                    file.addProperty("type", f.type());
                    file.addProperty("chunk", parley.crypto.ChunkCipher.CHUNK_SIZE);
                    file.addProperty("count", f.count());
                    file.addProperty("sha256", f.sha256());
                    file.addProperty("key", f.key().encoded());
                    o.add("file", file);
                });
            }
            case Ack a -> {
                o.addProperty("ts", a.ts());
                JsonArray ids = new JsonArray();
                for (MessageId id : a.ids()) ids.add(id.value());
                o.add("ids", ids);
                if (a.files()) o.addProperty("files", 1);
            }
            case FileWant w -> {
                o.addProperty("ts", w.ts());
                o.addProperty("file", w.file().value());
                o.addProperty("have", w.have());
                JsonArray want = new JsonArray();
                w.want().forEach(want::add);
                o.add("want", want);
            }
            case Chunk c -> {
                o.addProperty("ts", c.ts());
                o.addProperty("file", c.file().value());
                o.addProperty("i", c.i());
                o.addProperty("data", c.data());
            }
            case FileGone g -> {
                o.addProperty("ts", g.ts());
                o.addProperty("file", g.file().value());
            }
            case Rekey r -> {
                common(o, r.seq(), r.ts());
                o.addProperty("epoch", r.epoch());
                o.addProperty("epk", r.epk().encoded());
            }
            case RekeyOk r -> {
                common(o, r.seq(), r.ts());
                o.addProperty("epoch", r.epoch());
                o.addProperty("epk", r.epk().encoded());
            }
        }
        return o;
    }

    private static void common(JsonObject o, long seq, long ts) {
        o.addProperty("seq", seq);
        o.addProperty("ts", ts);
    }
}
