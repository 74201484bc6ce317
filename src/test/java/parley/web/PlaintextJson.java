package parley.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import parley.crypto.MessageId;
import parley.protocol.Ack;
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
            }
            case Ack a -> {
                o.addProperty("ts", a.ts());
                JsonArray ids = new JsonArray();
                for (MessageId id : a.ids()) ids.add(id.value());
                o.add("ids", ids);
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
