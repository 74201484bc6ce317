package parley.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import parley.crypto.InboxId;
import parley.transport.BrokerProfile;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;
import parley.transport.InboxConnection;
import parley.transport.NotConnectedException;
import parley.transport.TransportException;
import parley.transport.Transport;

/**
 * An MQTT broker in memory, as the chat layer sees one (like the browser tests' web/test/memory-broker.js): each
 * inbox topic has a queue kept while its client is away (cleanSession = false), delivered in order to the one
 * connection of that client id, through the connection's callback executor. A second connection with the same
 * client id takes the inbox over, as Mosquitto does. The test decides when the broker is reachable and may hold
 * deliveries back to stage races. What the real broker adds (TLS, QoS 1 on the wire, ACLs) the ITs prove.
 */
final class MemoryBroker implements Transport {
    /** One payload as it passed through the broker. */
    record Published(InboxId to, byte[] payload, Instant at) {}

    private final Clock clock;

    private final Map<InboxId, ArrayDeque<byte[]>> queues = new HashMap<>();
    private final Map<InboxId, Connection> holders = new HashMap<>();
    private final List<Connection> started = new ArrayList<>();
    private final List<Published> published = new ArrayList<>();
    private final Set<InboxId> retired = new HashSet<>();
    private boolean reachable = true;
    private boolean holding;

    MemoryBroker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public InboxConnection open(BrokerProfile profile, InboxId clientId, ConnectionListener listener,
                                Executor callbackExecutor) {
        return new Connection(clientId, listener, callbackExecutor);
    }

    /** Everything any client published, in order (what a recorder of the wire would have). */
    List<Published> published() {
        return List.copyOf(published);
    }

    /** What was published to {@code inbox}, in order. */
    List<Published> publishedTo(InboxId inbox) {
        return published.stream().filter(p -> p.to.equals(inbox)).toList();
    }

    /** When each payload to {@code inbox} was published, in order. */
    List<Instant> publishedAt(InboxId inbox) {
        return publishedTo(inbox).stream().map(Published::at).toList();
    }

    /** Inboxes whose session the broker was told to forget. */
    Set<InboxId> retired() {
        return Set.copyOf(retired);
    }

    /** A payload from anyone (a rogue, a replay) into an inbox, optionally with the retain flag. */
    void inject(InboxId to, byte[] payload, boolean retained) {
        if (retained) {
            Connection c = holders.get(to);
            if (c != null) {
                c.executor.execute(() -> c.deliver(payload, true));
            }
            return;
        }
        queues.computeIfAbsent(to, k -> new ArrayDeque<>()).add(payload);
        flush(to);
    }

    /** Holds every delivery back (publishes are still taken and acknowledged) until {@link #release()}. */
    void hold() {
        holding = true;
    }

    void release() {
        holding = false;
        for (InboxId inbox : List.copyOf(queues.keySet())) {
            flush(inbox);
        }
    }

    /** The broker loses what it holds for {@code inbox}, as Mosquitto does past its queue limits. */
    void dropQueued(InboxId inbox) {
        ArrayDeque<byte[]> queue = queues.get(inbox);
        if (queue != null) {
            queue.clear();
        }
    }

    /** Delivers what waits for {@code inbox} while the rest stays held. */
    void deliver(InboxId inbox) {
        flush(inbox, true);
    }

    /** The broker goes away: every connection waits to reconnect; queues are kept. */
    void goDown() {
        reachable = false;
        for (Connection c : List.copyOf(holders.values())) {
            holders.remove(c.inbox);
            c.report(new ConnectionState.Waiting(Duration.ofSeconds(1), "the broker is unreachable", 1));
        }
    }

    /** The broker is back: every started, open connection reconnects and gets its queue. */
    void comeBack() {
        reachable = true;
        for (Connection c : List.copyOf(started)) {
            if (!c.closed) {
                c.connect();
            }
        }
    }

    private void flush(InboxId inbox) {
        flush(inbox, false);
    }

    private void flush(InboxId inbox, boolean evenIfHolding) {
        Connection c = holders.get(inbox);
        ArrayDeque<byte[]> queue = queues.get(inbox);
        if (c == null || queue == null || (holding && !evenIfHolding)) {
            return;
        }
        List<byte[]> batch = new ArrayList<>(queue);
        queue.clear();
        for (byte[] payload : batch) {
            c.executor.execute(() -> c.deliver(payload, false)); // may run at once, and publish more
        }
    }

    private final class Connection implements InboxConnection {
        final InboxId inbox;
        final ConnectionListener listener;
        final Executor executor;
        ConnectionState state = new ConnectionState.Closed();
        boolean closed;
        int takenOver;

        Connection(InboxId inbox, ConnectionListener listener, Executor executor) {
            this.inbox = inbox;
            this.listener = listener;
            this.executor = executor;
        }

        @Override
        public void start() {
            started.add(this);
            report(new ConnectionState.Connecting(1));
            if (reachable) {
                connect();
            }
        }

        void connect() {
            Connection previous = holders.put(inbox, this);
            if (previous != null && previous != this) {
                previous.takenOver++;
                previous.report(new ConnectionState.TakenOver(Duration.ofSeconds(30), previous.takenOver));
            }
            report(new ConnectionState.Connected(true));
            flush(inbox);
        }

        void deliver(byte[] payload, boolean retained) {
            if (!closed && holders.get(inbox) == this) {
                listener.onMessage(payload, retained);
            }
        }

        void report(ConnectionState next) {
            state = next;
            executor.execute(() -> {
                if (!closed) {
                    listener.onStateChanged(next);
                }
            });
        }

        @Override
        public CompletableFuture<Void> publish(InboxId to, byte[] payload) {
            if (closed || holders.get(inbox) != this) {
                return CompletableFuture.failedFuture(new NotConnectedException("not connected"));
            }
            published.add(new Published(to, payload.clone(), clock.instant()));
            queues.computeIfAbsent(to, k -> new ArrayDeque<>()).add(payload.clone());
            flush(to);
            return CompletableFuture.completedFuture(null); // the PUBACK
        }

        @Override
        public ConnectionState state() {
            return state;
        }

        @Override
        public void close() {
            closed = true;
            state = new ConnectionState.Closed();
            holders.remove(inbox, this);
            started.remove(this);
        }

        @Override
        public CompletableFuture<Void> retire() {
            close();
            if (!reachable) {
                return CompletableFuture.failedFuture(new TransportException("the broker is unreachable"));
            }
            retired.add(inbox);
            queues.remove(inbox);
            return CompletableFuture.completedFuture(null);
        }
    }
}
