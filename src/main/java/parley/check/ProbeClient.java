package parley.check;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import parley.crypto.InboxId;
import parley.transport.BrokerTls;

/**
 * One MQTT connection of a probe, with Parley's TLS: it collects what the broker delivers and notes when the
 * broker closes the connection. Paho's callbacks only record and notify; the probe waits on that state.
 */
final class ProbeClient implements AutoCloseable {
    /** A delivered message. */
    record Delivery(String topic, byte[] payload, boolean retained) {
    }

    private final MqttAsyncClient client;
    private final Duration timeout;
    private final List<Delivery> received = new ArrayList<>();
    private boolean lost;

    private ProbeClient(MqttAsyncClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Connects to {@code url} as {@code clientId} (a fresh random one when empty), clean session.
     *
     * @throws MqttException when the broker cannot be reached or refuses the connection
     */
    static ProbeClient connect(URI url, SSLContext tls, Optional<InboxId> clientId, Duration timeout)
            throws MqttException {
        String id = clientId.orElseGet(InboxId::random).value();
        var client = new MqttAsyncClient(BrokerTls.pahoUri(url), id, new MemoryPersistence());
        var probe = new ProbeClient(client, timeout);
        client.setCallback(probe.new Collector());
        var options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
        options.setKeepAliveInterval(60);
        BrokerTls.configure(options, url, tls);
        try {
            client.connect(options).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            probe.close();
            throw e;
        }
        return probe;
    }

    /** Subscribes at QoS 1 and waits for the SUBACK; returns the granted QoS (128: refused). */
    int subscribe(String filter) throws MqttException {
        var token = client.subscribe(filter, 1);
        token.waitForCompletion(timeout.toMillis());
        int[] granted = token.getGrantedQos();
        return granted.length == 0 ? 128 : granted[0];
    }

    /** Publishes at QoS 1 and waits for the PUBACK (a broker PUBACKs what its ACL denies too). */
    void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained).waitForCompletion(timeout.toMillis());
    }

    synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    /** Waits until a delivery matches, up to {@code wait}; the ones received so far either way. */
    synchronized boolean awaitDelivery(Predicate<Delivery> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (received.stream().noneMatch(wanted)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits until the broker closed this connection, up to {@code wait}. */
    synchronized boolean awaitLost(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!lost && client.isConnected()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
        return true;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) client.disconnect(0).waitForCompletion(2000);
        } catch (MqttException ignored) {
            // the broker may have closed it first; nothing is kept either way
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // a client whose connect failed has nothing left to close
        }
    }

    private final class Collector implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            synchronized (ProbeClient.this) {
                lost = true;
                ProbeClient.this.notifyAll();
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            synchronized (ProbeClient.this) {
                received.add(new Delivery(topic, message.getPayload(), message.isRetained()));
                ProbeClient.this.notifyAll();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
