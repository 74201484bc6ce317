package parley.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parley.crypto.ChatId;

/**
 * The service's chats by id, in the order they were loaded or made: what the commands look up, the chat list shows
 * and a typed name or id prefix resolves to. Only touched on the chat thread.
 */
final class ChatSessions {
    private final Map<ChatId, ChatSession> byId = new LinkedHashMap<>();

    void add(ChatSession session) {
        byId.put(session.record.id, session);
    }

    void remove(ChatId chat) {
        byId.remove(chat);
    }

    ChatSession get(ChatId chat) {
        ChatSession s = byId.get(chat);
        if (s == null) {
            throw new ChatException(ChatException.Problem.UNKNOWN_CHAT, "no chat " + chat);
        }
        return s;
    }

    Collection<ChatSession> all() {
        return byId.values();
    }

    Set<ChatId> ids() {
        return byId.keySet();
    }

    /** Every chat's snapshot, the most recently active first. */
    List<Chat> snapshots() {
        List<Chat> all = new ArrayList<>();
        for (ChatSession s : byId.values()) {
            all.add(s.snapshot());
        }
        all.sort(Comparator.comparing((Chat c) -> c.lastActivity().orElse(c.created())).reversed());
        return all;
    }

    /** What a user typed for a chat: its id, a unique id prefix (3 characters or more), or its exact name. */
    ChatId resolve(String nameOrId) {
        List<ChatId> byName = new ArrayList<>();
        List<ChatId> byPrefix = new ArrayList<>();
        for (ChatSession s : byId.values()) {
            if (s.record.id.value().equals(nameOrId)) {
                return s.record.id;
            }
            if (s.record.name.equals(nameOrId)) {
                byName.add(s.record.id);
            }
            if (nameOrId.length() >= 3 && s.record.id.value().startsWith(nameOrId)) {
                byPrefix.add(s.record.id);
            }
        }
        List<ChatId> found = byName.isEmpty() ? byPrefix : byName;
        if (found.size() == 1) {
            return found.getFirst();
        }
        throw new ChatException(ChatException.Problem.UNKNOWN_CHAT, found.isEmpty()
                ? "no chat called '" + nameOrId + "' (see 'parley chats')"
                : "'" + nameOrId + "' names " + found.size() + " chats; use the chat id");
    }
}
