package parley.cli;

import com.google.gson.JsonObject;
import java.util.Optional;
import parley.chat.Attachment;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.chat.Message;

/** The JSON objects {@code listen} and {@code chats --json} print, one per line. */
final class JsonLines {
    private JsonLines() {}

    static JsonObject chat(Chat c) {
        JsonObject o = new JsonObject();
        o.addProperty("chat", c.id().value());
        o.addProperty("name", c.name());
        o.addProperty("phase", c.phase().name().toLowerCase());
        o.addProperty("unread", c.unread());
        o.addProperty("connection", c.connection().status().name().toLowerCase());
        o.addProperty("verified", c.verified());
        o.addProperty("epoch", c.epoch());
        c.epochSince().ifPresent(t -> o.addProperty("epochSince", t.toString()));
        c.expires().ifPresent(e -> o.addProperty("expires", e.toString()));
        o.addProperty("broker", c.broker().address());
        o.addProperty("ownBroker", c.broker().own());
        return o;
    }

    static JsonObject message(Message m) {
        JsonObject o = new JsonObject();
        o.addProperty("event", "message");
        o.addProperty("chat", m.chat().value());
        o.addProperty("id", m.id().value());
        o.addProperty("from", m.outgoing() ? "me" : "peer");
        // a file's text is the fallback for a Parley without files: this one says what the file is instead
        o.addProperty("text", m.attachment().map(FileMessages::summary).orElse(m.text()));
        o.addProperty("sent", m.sent().toString());
        o.addProperty("delivery", m.delivery().name().toLowerCase());
        m.attachment().ifPresent(a -> o.add("file", file(a)));
        return o;
    }

    /** A file as a message line carries it: {@code name, size, type, state, held, count, problem?}. */
    static JsonObject file(Attachment a) {
        JsonObject o = new JsonObject();
        o.addProperty("name", a.name());
        o.addProperty("size", a.size());
        o.addProperty("type", a.mediaType());
        o.addProperty("state", a.state().name().toLowerCase());
        o.addProperty("held", a.chunksHeld());
        o.addProperty("count", a.chunkCount());
        a.problem().ifPresent(p -> o.addProperty("problem", p));
        return o;
    }

    /** The line for an event, or empty for events {@code listen} does not print. */
    static Optional<JsonObject> event(ChatEvent event) {
        JsonObject o = new JsonObject();
        switch (event) {
            case ChatEvent.MessageAdded added -> {
                return Optional.of(message(added.message()));
            }
            case ChatEvent.DeliveryChanged d -> {
                o.addProperty("event", "delivery");
                o.addProperty("id", d.message().value());
                o.addProperty("delivery", d.delivery().name().toLowerCase());
            }
            case ChatEvent.PayloadDropped d -> {
                o.addProperty("event", "dropped");
                o.addProperty("reason", d.reason().label());
            }
            case ChatEvent.ChatReady r -> {
                o.addProperty("event", "ready");
                o.addProperty("name", r.snapshot().name());
            }
            case ChatEvent.ChatRemoved r -> {
                o.addProperty("event", "removed");
                o.addProperty("why", r.why());
            }
            case ChatEvent.TransferChanged t -> {
                o.addProperty("event", "file");
                o.addProperty("message", t.message().value());
                file(t.attachment()).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
            }
            case ChatEvent.JoinUnanswered u -> o.addProperty("event", "unanswered");
            case ChatEvent.InviteLive l -> o.addProperty("event", "live");
            case ChatEvent.ChatChanged c -> {
                o.addProperty("event", "connection");
                o.addProperty("status", c.snapshot().connection().status().name().toLowerCase());
                o.addProperty("detail", c.snapshot().connection().detail());
                o.addProperty("phase", c.snapshot().phase().name().toLowerCase());
            }
        }
        o.addProperty("chat", event.chat().value());
        return Optional.of(o);
    }
}
