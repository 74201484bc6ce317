package parley.ui.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import parley.chat.Chat;
import parley.crypto.ChatId;

/** The open chat-info dialogs, at most one per chat, kept current from the chat events. Only touched on the EDT. */
public final class ChatInfoDialogs {
    private final Map<ChatId, ChatInfoDialog> open = new HashMap<>();

    /** Brings the chat's dialog to the front, making it with {@code make} when there is none. */
    public void show(ChatId chat, Supplier<ChatInfoDialog> make) {
        ChatInfoDialog dialog = open.get(chat);
        if (dialog == null || !dialog.isDisplayable()) {
            dialog = make.get();
            open.put(chat, dialog);
        }
        dialog.setVisible(true);
        dialog.toFront();
    }

    public void changed(Chat snapshot) {
        of(snapshot.id()).ifPresent(d -> d.update(snapshot));
    }

    public void removed(ChatId chat) {
        ChatInfoDialog dialog = open.remove(chat);
        if (dialog != null) {
            dialog.dispose();
        }
    }

    Optional<ChatInfoDialog> of(ChatId chat) {
        return Optional.ofNullable(open.get(chat)).filter(ChatInfoDialog::isDisplayable);
    }

    public void closeAll() {
        open.values().forEach(ChatInfoDialog::dispose);
        open.clear();
    }
}
