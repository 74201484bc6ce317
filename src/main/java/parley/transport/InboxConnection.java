package parley.transport;

import java.util.concurrent.CompletableFuture;
import parley.crypto.InboxId;

/**
 * One MQTT connection for one own inbox (docs/protocol.md section 1): client id = the inbox id, cleanSession = false,
 * the own inbox topic subscribed at QoS 1 on every connect, publishes at QoS 1 without retain.
 */
public interface InboxConnection extends AutoCloseable {

    /** Starts connecting in the background; reconnects with back-off until closed or failed for good. */
    void start();

    /**
     * Publishes {@code payload} to {@code to}'s inbox at QoS 1, retain off. Completes when the broker has
     * acknowledged it (PUBACK); fails at once with {@link NotConnectedException} when not connected, or later
     * with a {@link TransportException} if it is lost. The caller keeps its own outbox and re-sends.
     */
    CompletableFuture<Void> publish(InboxId to, byte[] payload);

    ConnectionState state();

    /** Disconnects and stops reconnecting; the broker keeps the session and queues for this inbox. */
    @Override
    void close();

    /**
     * Makes the broker forget this inbox: connects once with cleanSession = true and disconnects, so that
     * nothing queued for it survives; then the connection is closed. Fails if the broker cannot be reached.
     */
    CompletableFuture<Void> retire();

    /** The MQTT topic of an inbox: {@code /chats/<inbox>/messages}. */
    static String topicOf(InboxId inbox) {
        return "/chats/" + inbox.value() + "/messages";
    }
}
