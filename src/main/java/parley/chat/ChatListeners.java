package parley.chat;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears the service's {@link ChatEvent}s: each is called in turn on the chat thread; one that throws is logged
 * and the others still hear the event. Added and removed from any thread.
 */
final class ChatListeners {
    private static final System.Logger LOG = System.getLogger(ChatListeners.class.getName());

    private final List<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<ChatEvent> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<ChatEvent> listener) {
        listeners.remove(listener);
    }

    void tell(ChatEvent event) {
        for (Consumer<ChatEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a chat event listener failed", e);
            }
        }
    }
}
