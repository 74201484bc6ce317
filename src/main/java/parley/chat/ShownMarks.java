package parley.chat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import parley.store.ProfileStore;
import parley.crypto.ChatId;

/**
 * How far {@code listen} and the JSON-RPC mode have shown each chat's incoming messages: the ordinal of the last
 * one written out. One profile setting (sealed like the rest), so a message taken in by any other command is
 * shown by the next listener. Used on the chat thread only.
 */
final class ShownMarks {
    private static final String KEY = "shown";

    private final ProfileStore store;
    private Map<String, Long> marks;

    ShownMarks(ProfileStore store) {
        this.store = store;
    }

    long of(ChatId chat) {
        return loaded().getOrDefault(chat.value(), 0L);
    }

    /** Moves the chat's mark forward to {@code ordinal} (never back); marks of chats no longer in {@code live} go. */
    void advance(ChatId chat, long ordinal, Set<ChatId> live) {
        Map<String, Long> m = loaded();
        boolean pruned = m.keySet().removeIf(id -> live.stream().noneMatch(c -> c.value().equals(id)));
        if (ordinal > m.getOrDefault(chat.value(), 0L) && live.contains(chat)) {
            m.put(chat.value(), ordinal);
        } else if (!pruned) {
            return;
        }
        save(m);
    }

    /** Forgets a deleted chat's mark, so nothing of it stays behind. */
    void forget(ChatId chat) {
        if (loaded().remove(chat.value()) != null) {
            save(marks);
        }
    }

    private Map<String, Long> loaded() {
        if (marks == null) {
            marks = new HashMap<>();
            store.setting(KEY).ifPresent(bytes -> {
                JsonObject o = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
                for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                    marks.put(e.getKey(), e.getValue().getAsLong());
                }
            });
        }
        return marks;
    }

    private void save(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        store.putSettingUnsynced(KEY, o.toString().getBytes(StandardCharsets.UTF_8)); // synced by the group commit
    }
}
