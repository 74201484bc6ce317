package parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import parley.crypto.InboxId;

/**
 * The floor under Parley's latency: two bare Paho clients (MQTT 3.1.1, QoS 1, TLS trusting the stack's CA with
 * hostname verification, TCP_NODELAY as Parley sets it) publishing payloads of a given size to each other's
 * inbox topic on the same broker. No codec, no store, no chat thread. Over wss it is Paho's own websocket module.
 */
final class RawPaho implements AutoCloseable {
    private final MqttClient publisher;
    private final MqttClient subscriber;
    private final String topic;
    private final BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(16);

    private RawPaho(MqttClient publisher, MqttClient subscriber, String topic) {
        this.publisher = publisher;
        this.subscriber = subscriber;
        this.topic = topic;
    }

    /** Connects both clients to {@code broker} (mqtts:// or wss://) and subscribes the receiver to its inbox. */
    static RawPaho connect(URI broker, Path caFile) throws MqttException {
        String uri = broker.getScheme().equals("mqtts")
                ? "ssl://" + broker.getHost() + ":" + broker.getPort() : broker.toString();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setSocketFactory(new NoDelay(tls(caFile).getSocketFactory()));
        options.setHttpsHostnameVerificationEnabled(true);
        InboxId inbox = InboxId.random();
        MqttClient subscriber = new MqttClient(uri, inbox.value(), new MemoryPersistence());
        MqttClient publisher = new MqttClient(uri, InboxId.random().value(), new MemoryPersistence());
        RawPaho raw = new RawPaho(publisher, subscriber, "/chats/" + inbox.value() + "/messages");
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage message) {
                raw.arrivals.offer(System.nanoTime());
            }

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        subscriber.connect(options);
        subscriber.subscribe(raw.topic, 1);
        publisher.connect(options);
        return raw;
    }

    /**
     * Publishes one payload and returns the ns from the publish call to its arrival at the subscriber; then waits
     * (up to 30 s, outside the timed span) for the publisher's PUBACK. On a busy machine the PUBACK can come well
     * after the delivery; without the wait the publishes in flight grew past Paho's window until it refused one
     * ("Too many publishes in progress", 32202) and the run died.
     */
    long oneWay(byte[] payload) throws MqttException, InterruptedException {
        long start = System.nanoTime();
        MqttDeliveryToken token = publisher.getTopic(topic).publish(payload, 1, false);
        Long arrived = arrivals.poll(30, TimeUnit.SECONDS);
        if (arrived == null) throw new IllegalStateException("a raw Paho message did not arrive within 30 s");
        token.waitForCompletion(30_000);
        return arrived - start;
    }

    @Override
    public void close() throws MqttException {
        publisher.disconnect();
        subscriber.disconnect();
        publisher.close();
        subscriber.close();
    }

    private static SSLContext tls(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA file " + caFile, e);
        }
    }

    /** Sets TCP_NODELAY on every socket, as Parley's transport does (without it QoS 1 waits ~40 ms on ACKs). */
    private static final class NoDelay extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        NoDelay(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket tuned(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return tuned(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tuned(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tuned(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tuned(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tuned(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return tuned(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
