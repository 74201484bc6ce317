package parley.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A plain Paho client over mqtts that trusts the stack's CA, with a chosen client id: a peer, an eavesdropper
 * or an attacker in ACL tests. It subscribes to the given filters at QoS 1 and collects whatever arrives.
 */
public final class Rogue implements AutoCloseable {

    /** One delivered message. */
    public record Received(String topic, byte[] payload, boolean retained, int qos) {
        public String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Integer> grantedQos = new CopyOnWriteArrayList<>();
    private volatile boolean connectionLost;
    private volatile String refusal;

    private Rogue(MqttClient client) {
        this.client = client;
    }

    /** Connects with cleanSession = true and subscribes to each filter at QoS 1. */
    public static Rogue connect(BrokerStack stack, String clientId, String... filters) {
        return connect(stack, clientId, true, filters);
    }

    public static Rogue connect(BrokerStack stack, String clientId, boolean cleanSession, String... filters) {
        try {
            var client = new MqttClient("ssl://localhost:" + stack.mqttsPort(), clientId, new MemoryPersistence());
            var rogue = new Rogue(client);
            client.setCallback(rogue.new Collector());
            var options = new MqttConnectOptions();
            options.setCleanSession(cleanSession);
            options.setAutomaticReconnect(false);
            options.setSocketFactory(TestTls.trusting(stack.caFile()).getSocketFactory());
            options.setHttpsHostnameVerificationEnabled(true);
            client.connect(options);
            for (String filter : filters) {
                var token = client.subscribeWithResponse(filter, 1);
                for (int qos : token.getGrantedQos()) rogue.grantedQos.add(qos);
            }
            return rogue;
        } catch (MqttException e) {
            throw new IllegalStateException("rogue " + clientId + " could not connect/subscribe: " + e, e);
        }
    }

    /**
     * A rogue on any broker profile's node: connects over {@code mqtts} with the profile's CA and credentials and
     * subscribes to each filter. A broker that refuses the connect or closes the connection on a denied
     * SUBSCRIBE (RabbitMQ does) leaves a rogue that is not connected and received nothing; {@link #refusal()}
     * says what happened.
     */
    public static Rogue attempt(java.net.URI mqtts, java.nio.file.Path caFile,
                                java.util.Optional<TestBroker.Credentials> credentials, String clientId,
                                String... filters) {
        MqttClient client;
        try {
            client = new MqttClient("ssl://" + mqtts.getHost() + ":" + mqtts.getPort(), clientId,
                    new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Paho refused client id " + clientId + ": " + e, e);
        }
        var rogue = new Rogue(client);
        client.setCallback(rogue.new Collector());
        var options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setSocketFactory(TestTls.trusting(caFile).getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        credentials.ifPresent(c -> {
            options.setUserName(c.username());
            options.setPassword(c.password().toCharArray());
        });
        try {
            client.connect(options);
            for (String filter : filters) {
                var token = client.subscribeWithResponse(filter, 1);
                for (int qos : token.getGrantedQos()) rogue.grantedQos.add(qos);
            }
        } catch (MqttException e) {
            rogue.refusal = e.toString();
        }
        return rogue;
    }

    /** Why the broker refused this rogue's connect or subscription, or null when it did not. */
    public String refusal() {
        return refusal;
    }

    /** Publishes at QoS 1 and waits for the PUBACK (note: the broker PUBACKs publishes its ACL denies). */
    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained);
    }

    /** What arrived so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The QoS the broker granted in its SUBACKs, one per filter (128 = refused). */
    public List<Integer> grantedQos() {
        return List.copyOf(grantedQos);
    }

    public boolean isConnected() {
        return client.isConnected() && !connectionLost;
    }

    /** Waits until at least {@code count} messages arrived, or the timeout passed; returns what arrived. */
    public List<Received> awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) Thread.sleep(10);
        return received();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) client.disconnect(1000);
        } catch (MqttException ignored) {
            // the broker may already have closed the connection
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closing a client that failed leaves nothing behind
        }
    }

    private final class Collector implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            connectionLost = true;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload(), message.isRetained(), message.getQos()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
