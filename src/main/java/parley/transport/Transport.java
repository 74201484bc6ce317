package parley.transport;

import java.util.concurrent.Executor;
import parley.crypto.InboxId;

/**
 * What the chat layer needs of a transport: one connection per own inbox. {@link MqttTransport} is the real one
 * (Paho, TLS, Mosquitto); the chat layer's unit tests give it an in-memory broker.
 */
public interface Transport {
    /**
     * A connection for the own inbox {@code clientId} on {@code profile}'s preferred URL; call
     * {@link InboxConnection#start()} to connect. {@code listener} is called on {@code callbackExecutor}, and so
     * are the completions of the connection's futures' dependants the caller adds with it.
     *
     * @throws IllegalArgumentException when the profile cannot be used (a CA file missing or not PEM, a bad URL)
     */
    InboxConnection open(BrokerProfile profile, InboxId clientId, ConnectionListener listener,
                         Executor callbackExecutor);
}
