package parley.transport;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import parley.crypto.InboxId;
import parley.transport.ConnectionState.Closed;
import parley.transport.ConnectionState.Connected;
import parley.transport.ConnectionState.Connecting;
import parley.transport.ConnectionState.Failed;
import parley.transport.ConnectionState.Failure;
import parley.transport.ConnectionState.TakenOver;
import parley.transport.ConnectionState.Waiting;

/**
 * An {@link InboxConnection} on a Paho async client. Paho's own automatic reconnect is off: its back-off
 * resets after every successful connect, so two copies of one inbox would kick each other forever. Every
 * decision runs under this object's lock on Paho's or the timer's thread and takes no time; everything the
 * owner sees (states, messages, publish results) is handed to the owner's executor.
 */
final class PahoInboxConnection implements InboxConnection {
    private static final System.Logger LOG = System.getLogger(PahoInboxConnection.class.getName());
    private static final Duration WAIT_FOR_BROKER = Duration.ofSeconds(15);
    private static final int SUBSCRIBE_REFUSALS = 3;

    private enum Lifecycle { NEW, RUNNING, FAILED, CLOSED }

    private final MqttAsyncClient client;
    private final InboxId inbox;
    private final String topic;
    private final MqttConnectOptions options;
    private final MqttConnectOptions retireOptions;
    private final ConnectionListener listener;
    private final Executor callbackExecutor;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final TakeoverDetector takeover;
    private final RandomGenerator random;
    private final Runnable onClosed;
    private final PublishWindow window;
    private final ConnectGate gate;

    private volatile ConnectionState state = new Closed();
    private Lifecycle lifecycle = Lifecycle.NEW;
    private int attempt;
    /** Between CONNACK and SUBACK: a connection lost then was (most likely) closed for the SUBSCRIBE. */
    private boolean awaitingSuback;
    /** Connections in a row the broker closed at our SUBSCRIBE (RabbitMQ's answer to a denied one). */
    private int closedAtSubscribe;
    private long generation;
    private ScheduledFuture<?> reconnect;

    PahoInboxConnection(MqttAsyncClient client, InboxId inbox, MqttConnectOptions options,
                        MqttConnectOptions retireOptions, ConnectionListener listener, Executor callbackExecutor,
                        ScheduledExecutorService timer,
                        Executor io, ConnectGate gate, TakeoverDetector takeover, RandomGenerator random,
                        Runnable onClosed) {
        this.client = client;
        this.inbox = inbox;
        this.topic = InboxConnection.topicOf(inbox);
        this.options = options;
        this.retireOptions = retireOptions;
        this.listener = listener;
        this.callbackExecutor = callbackExecutor;
        this.timer = timer;
        this.io = io;
        this.gate = gate;
        this.takeover = takeover;
        this.random = random;
        this.onClosed = onClosed;
        this.window = new PublishWindow(client, inbox, timer, callbackExecutor);
        client.setCallback(new Callback());
    }

    @Override
    public void start() {
        synchronized (this) {
            if (lifecycle != Lifecycle.NEW) throw new IllegalStateException("start() may be called once");
            lifecycle = Lifecycle.RUNNING;
        }
        connect();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Void> publish(InboxId to, byte[] payload) {
        if (!(state instanceof Connected) || !client.isConnected()) {
            return CompletableFuture.failedFuture(new NotConnectedException("not connected to the broker"));
        }
        return window.publish(InboxConnection.topicOf(to), payload);
    }

    @Override
    public void close() {
        if (!stop()) return;
        disconnectQuietly();
        closeClient();
        window.failAll();
        report(new Closed());
    }

    @Override
    public CompletableFuture<Void> retire() {
        var result = new CompletableFuture<Void>();
        if (!stop()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the connection is already closed"));
        }
        io.execute(() -> {
            TransportException failure = null;
            try {
                disconnectQuietly();
                client.connect(retireOptions).waitForCompletion(WAIT_FOR_BROKER.toMillis());
                client.disconnect(1000).waitForCompletion(WAIT_FOR_BROKER.toMillis());
                LOG.log(Level.INFO, "inbox {0} retired: the broker dropped its session", inbox.abbreviated());
            } catch (MqttException | RuntimeException e) {
                failure = new TransportException("could not retire the inbox: " + FailureClassifier.describe(e), e);
            }
            closeClient();
            window.failAll();
            report(new Closed());
            settle(result, failure);
        });
        return result;
    }

    /** Stops reconnecting; false if it was already closed. */
    private boolean stop() {
        synchronized (this) {
            if (lifecycle == Lifecycle.CLOSED) return false;
            lifecycle = Lifecycle.CLOSED;
            generation++;
            if (reconnect != null) reconnect.cancel(false);
        }
        onClosed.run();
        return true;
    }

    private void connect() {
        gate.enter(this::attempt);
    }

    /** One connection attempt, through the transport's {@link ConnectGate}: it ends the pass however it ends. */
    private void attempt(ConnectGate.Pass pass) {
        long gen;
        synchronized (this) {
            if (lifecycle != Lifecycle.RUNNING) {
                pass.done();
                return;
            }
            attempt++;
            gen = ++generation;
            report(new Connecting(attempt));
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    pass.done();
                    connected(gen, token.getSessionPresent());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    pass.done();
                    connectFailed(gen, error);
                }
            });
        } catch (MqttException e) {
            pass.done();
            connectFailed(gen, e);
        } catch (RuntimeException e) {
            pass.done();
            throw e;
        }
    }

    private void connected(long gen, boolean sessionPresent) {
        synchronized (this) {
            if (gen != generation || lifecycle != Lifecycle.RUNNING) return;
            awaitingSuback = true;
        }
        // On every connect, even with a session present: it costs nothing and restores a session the broker lost.
        try {
            client.subscribe(topic, 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted.length == 1 && granted[0] == 0x80) {
                        fail(gen, new Failed(Failure.NOT_AUTHORIZED,
                                "the broker refused the subscription to this inbox"));
                        return;
                    }
                    synchronized (PahoInboxConnection.this) {
                        if (gen != generation || lifecycle != Lifecycle.RUNNING) return;
                        awaitingSuback = false;
                        closedAtSubscribe = 0;
                        takeover.connected();
                        report(new Connected(sessionPresent));
                    }
                    LOG.log(Level.DEBUG, "inbox {0} connected (session present: {1})", inbox.abbreviated(),
                            sessionPresent);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    // the connection went away between CONNACK and SUBACK: connectionLost handles the retry
                    LOG.log(Level.DEBUG, "inbox {0}: subscribe failed: {1}", inbox.abbreviated(), error);
                }
            });
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "inbox {0}: subscribe failed: {1}", inbox.abbreviated(), e);
        }
    }

    private void connectFailed(long gen, Throwable error) {
        var terminal = FailureClassifier.terminal(error);
        if (terminal.isPresent()) {
            fail(gen, terminal.get());
            return;
        }
        synchronized (this) {
            if (gen != generation || lifecycle != Lifecycle.RUNNING) return;
            takeover.connectFailed();
            retryLater(FailureClassifier.describe(error));
        }
    }

    private void lost(Throwable cause) {
        synchronized (this) {
            if (lifecycle != Lifecycle.RUNNING) return;
            generation++;
            // A broker that sent a packet Parley refuses: say so, and neither count it as a refused subscription
            // nor as a take-over (it drops every connection right after the connect, as a take-over would)
            if (FailureClassifier.refusedPacket(cause) != null) {
                awaitingSuback = false;
                String reason = FailureClassifier.describe(cause);
                LOG.log(Level.WARNING, "inbox {0}: {1}", inbox.abbreviated(), reason);
                retryLater(reason);
                return;
            }
            // RabbitMQ answers a denied SUBSCRIBE by closing the connection (no SUBACK failure code): closed at
            // the subscription again and again means the broker refuses this inbox; retrying cannot help.
            if (awaitingSuback) {
                awaitingSuback = false;
                if (++closedAtSubscribe >= SUBSCRIBE_REFUSALS) {
                    lifecycle = Lifecycle.FAILED;
                    var failed = new Failed(Failure.NOT_AUTHORIZED, "the broker refused this inbox (access denied):"
                            + " it closed the connection at the subscription " + closedAtSubscribe + " times in a row");
                    LOG.log(Level.WARNING, "inbox {0}: {1}", inbox.abbreviated(), failed.message());
                    report(failed);
                    return;
                }
            }
            if (takeover.heldLongerThanQuickWindow()) attempt = 0;
            TakeoverDetector.Verdict verdict = takeover.dropped();
            if (verdict.takeover()) {
                Duration backoff = Backoff.TAKEOVER.delay(verdict.takeoverLevel(), random);
                LOG.log(Level.WARNING, "inbox {0} is open elsewhere too: dropped {1} times right after connecting;"
                        + " waiting {2} ms", inbox.abbreviated(), verdict.drops(),
                        Long.toString(backoff.toMillis()));
                report(new TakenOver(backoff, verdict.drops()));
                schedule(backoff);
            } else {
                retryLater(FailureClassifier.describe(cause));
            }
        }
    }

    /** Under the lock. */
    private void retryLater(String reason) {
        int retries = Math.max(attempt, 1);
        Duration delay = Backoff.RECONNECT.delay(retries, random);
        LOG.log(Level.DEBUG, "inbox {0}: {1}; retrying in {2} ms", inbox.abbreviated(), reason,
                Long.toString(delay.toMillis()));
        report(new Waiting(delay, reason, retries));
        schedule(delay);
    }

    private void schedule(Duration delay) {
        try {
            reconnect = timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "inbox {0}: transport closed, no reconnect", inbox.abbreviated());
        }
    }

    private void fail(long gen, Failed failed) {
        synchronized (this) {
            if (gen != generation || lifecycle != Lifecycle.RUNNING) return;
            lifecycle = Lifecycle.FAILED;
            generation++;
            report(failed);
        }
        LOG.log(Level.WARNING, "inbox {0}: {1}", inbox.abbreviated(), failed.message());
        if (client.isConnected()) io.execute(this::disconnectQuietly);
    }

    private void disconnectQuietly() {
        try {
            if (client.isConnected()) client.disconnect(1000).waitForCompletion(2000);
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1000);
            } catch (MqttException ignored) {
                // the socket is gone either way
            }
        }
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "inbox {0}: close: {1}", inbox.abbreviated(), e);
        }
    }

    /** Completes on the owner's executor, so that dependent stages never run on an MQTT thread. */
    private void settle(CompletableFuture<Void> future, Throwable failure) {
        hand(() -> {
            if (failure == null) future.complete(null);
            else future.completeExceptionally(failure);
        });
    }

    private void report(ConnectionState next) {
        state = next;
        hand(() -> listener.onStateChanged(next));
    }

    private void hand(Runnable task) {
        try {
            callbackExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "inbox {0}: callback executor refused a task", inbox.abbreviated());
        }
    }

    @Override
    public String toString() {
        return "InboxConnection[" + inbox.abbreviated() + ", " + state + "]";
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            lost(cause);
        }

        @Override
        public void messageArrived(String arrivedOn, MqttMessage message) {
            if (!topic.equals(arrivedOn)) {
                LOG.log(Level.DEBUG, "inbox {0}: ignored a message on another topic", inbox.abbreviated());
                return;
            }
            byte[] payload = message.getPayload();
            boolean retained = message.isRetained();
            hand(() -> listener.onMessage(payload, retained));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish results arrive through each publish's own action listener
        }
    }
}
