package parley.transport;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import parley.crypto.InboxId;

/**
 * One connection's ordered QoS 1 publishes: handed to Paho oldest first while its in-flight window has room, the
 * rest waiting here. Paho refuses a publish beyond the window ("too many publishes in progress"); a burst then went
 * out of order and waited for the chat layer's re-send timer. One thread drains at a time, so Paho sees the
 * publishes in the order they came. Results complete on the owner's executor, never on an MQTT thread.
 */
final class PublishWindow {
    private static final System.Logger LOG = System.getLogger(PublishWindow.class.getName());
    /** Paho's in-flight window for QoS 1: its default, as a larger one made Mosquitto drop messages. */
    private static final int WINDOW = MqttConnectOptions.MAX_INFLIGHT_DEFAULT;

    private record QueuedPublish(String topic, byte[] payload, CompletableFuture<Void> result) {}

    private final MqttAsyncClient client;
    private final InboxId inbox;
    private final ScheduledExecutorService timer;
    private final Executor callbackExecutor;
    private final Set<CompletableFuture<Void>> inFlight = new HashSet<>();
    private final Deque<QueuedPublish> waiting = new ArrayDeque<>();
    private int handedToPaho;
    private boolean draining;

    PublishWindow(MqttAsyncClient client, InboxId inbox, ScheduledExecutorService timer, Executor callbackExecutor) {
        this.client = client;
        this.inbox = inbox;
        this.timer = timer;
        this.callbackExecutor = callbackExecutor;
    }

    /** Queues a publish to {@code topic}; completes when the broker acknowledged it (PUBACK), or fails. */
    CompletableFuture<Void> publish(String topic, byte[] payload) {
        var result = new CompletableFuture<Void>();
        synchronized (this) {
            inFlight.add(result);
            waiting.add(new QueuedPublish(topic, payload, result));
        }
        drain();
        return result;
    }

    /** The connection closed: everything not yet acknowledged fails, for the chat layer to re-send. */
    void failAll() {
        Set<CompletableFuture<Void>> pending;
        synchronized (this) {
            pending = Set.copyOf(inFlight);
            inFlight.clear();
            waiting.clear();
        }
        for (var future : pending) {
            settle(future, new NotConnectedException("the connection was closed before the broker took it"));
        }
    }

    private void drain() {
        while (true) {
            QueuedPublish next;
            synchronized (this) {
                if (draining || handedToPaho >= WINDOW || waiting.isEmpty()) return;
                next = waiting.poll();
                handedToPaho++;
                draining = true;
            }
            try {
                handToPaho(next);
            } finally {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }

    private void handToPaho(QueuedPublish p) {
        try {
            client.publish(p.topic(), p.payload(), 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    leftWindow(p, null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    leftWindow(p, new TransportException(FailureClassifier.describe(error), error));
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                // Paho still counts an acknowledged publish: try again shortly, first in line
                synchronized (this) {
                    handedToPaho--;
                    waiting.addFirst(p);
                }
                retryDrainSoon();
                return;
            }
            synchronized (this) {
                handedToPaho--;
            }
            settle(p.result(), e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                    ? new NotConnectedException("not connected to the broker")
                    : new TransportException("the broker did not take the message: "
                            + FailureClassifier.describe(e), e));
        }
    }

    private void leftWindow(QueuedPublish p, Throwable failure) {
        synchronized (this) {
            handedToPaho--;
        }
        settle(p.result(), failure);
        drain();
    }

    private void retryDrainSoon() {
        try {
            timer.schedule(this::drain, 20, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "inbox {0}: transport closed, publishes not retried", inbox.abbreviated());
        }
    }

    /** Completes on the owner's executor, so that dependent stages never run on an MQTT thread. */
    private void settle(CompletableFuture<Void> future, Throwable failure) {
        synchronized (this) {
            inFlight.remove(future);
        }
        try {
            callbackExecutor.execute(() -> {
                if (failure == null) future.complete(null);
                else future.completeExceptionally(failure);
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "inbox {0}: callback executor refused a task", inbox.abbreviated());
        }
    }
}
