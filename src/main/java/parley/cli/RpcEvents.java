package parley.cli;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;

/**
 * The JSON-RPC mode's events: {@code listen}'s lines, except that a chat's changes become a {@code connection}
 * event only when its connection changed and an {@code epoch} event when its keys were refreshed (not one line
 * per unread-count change). Used on the one thread that writes events.
 */
final class RpcEvents {
    private final Map<ChatId, Chat.Connection> connections = new HashMap<>();
    private final Map<ChatId, Long> epochs = new HashMap<>();

    /** Chats as they are when the mode starts: their current epoch is no news. */
    RpcEvents(List<Chat> chats) {
        for (Chat c : chats) {
            epochs.put(c.id(), c.epoch());
        }
    }

    static JsonObject started(int chats) {
        JsonObject o = new JsonObject();
        o.addProperty("event", "started");
        o.addProperty("chats", chats);
        return o;
    }

    List<JsonObject> of(ChatEvent event) {
        if (!(event instanceof ChatEvent.ChatChanged changed)) {
            if (event instanceof ChatEvent.ChatRemoved removed) {
                connections.remove(removed.chat());
                epochs.remove(removed.chat());
            }
            return JsonLines.event(event).stream().toList();
        }
        Chat snapshot = changed.snapshot();
        Optional<JsonObject> connection = snapshot.connection().equals(connections.put(changed.chat(),
                snapshot.connection())) ? Optional.empty() : JsonLines.event(event);
        Long before = epochs.put(changed.chat(), snapshot.epoch());
        Optional<JsonObject> epoch = Optional.empty();
        if (before != null && before != snapshot.epoch()) {
            JsonObject o = new JsonObject();
            o.addProperty("event", "epoch");
            o.addProperty("chat", changed.chat().value());
            o.addProperty("epoch", snapshot.epoch());
            epoch = Optional.of(o);
        }
        return java.util.stream.Stream.of(connection, epoch).flatMap(Optional::stream).toList();
    }
}
