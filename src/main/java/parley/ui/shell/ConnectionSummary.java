package parley.ui.shell;

import java.util.List;
import java.util.Optional;
import parley.chat.Chat;

/** The status line's one line about all connections: failures first, then reconnects, then all online. */
final class ConnectionSummary {
    private ConnectionSummary() {}

    static String of(List<Chat> chats) {
        Optional<Chat> failed = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.FAILED).findFirst();
        Optional<Chat> trying = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.CONNECTING
                || c.connection().status() == Chat.Connection.Status.WAITING).findFirst();
        long online = chats.stream().filter(c -> c.connection().status() == Chat.Connection.Status.ONLINE).count();
        if (chats.isEmpty()) {
            return "Ready: no chats yet";
        } else if (failed.isPresent()) {
            return "Connection failed (" + failed.get().name() + "): " + failed.get().connection().detail();
        } else if (trying.isPresent()) {
            return "Reconnecting (" + trying.get().name() + "): " + trying.get().connection().detail();
        }
        return online == chats.size() ? "Online" : "Offline";
    }
}
