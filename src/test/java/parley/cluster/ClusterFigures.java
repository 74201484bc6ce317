package parley.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.RabbitCluster;
import parley.testing.TestBroker;
import parley.testing.TestTls;

/**
 * Prints the figures docs/scaling.md quotes, measured on this machine in one run: QoS 1 delivery latency on
 * Mosquitto and on the cluster (same node / across nodes), RSS per node idle and with 1,000 sessions, and the
 * time to connect them. A harness, not a test (docs/scaling.md says how to run it);
 * it boots its own Mosquitto stack and cluster ({@code -Dparley.repo=<checkout>}).
 */
public final class ClusterFigures {
    private static final int WARM_UP = 200;
    private static final int SAMPLES = 2000;
    private static final int SESSIONS = 1000;

    private ClusterFigures() {
    }

    public static void main(String[] args) throws Exception {
        var rows = new ArrayList<String>();
        try (BrokerStack mosquitto = BrokerStack.start(); RabbitCluster cluster = RabbitCluster.start()) {
            rows.add(latency("Mosquitto 2.0, mqtts", mosquitto, 1, 1));
            rows.add(latency("RabbitMQ cluster, mqtts, same node", cluster, 1, 1));
            rows.add(latency("RabbitMQ cluster, mqtts, across nodes", cluster, 1, 2));
            long[] idle = rss(cluster);
            long start = System.nanoTime();
            List<MqttClient> sessions = connectSessions(cluster);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(5000); // let mirrors settle before reading memory
            long[] loaded = rss(cluster);
            long grown = Arrays.stream(loaded).sum() - Arrays.stream(idle).sum();
            System.out.println();
            System.out.println("| QoS 1, 200 bytes | delivery p50 ms | delivery p99 ms | PUBACK p50 ms"
                    + " | PUBACK p99 ms |");
            System.out.println("|---|---|---|---|---|");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.printf(Locale.ROOT, "RSS per node idle (MiB): %s%n", mib(idle));
            System.out.printf(Locale.ROOT, "RSS per node with %d mirrored sessions connected (MiB): %s%n", SESSIONS,
                    mib(loaded));
            System.out.printf(Locale.ROOT, "cluster-wide growth per session: %.0f KiB%n", (double) grown / SESSIONS);
            System.out.printf(Locale.ROOT, "time to connect and subscribe %d sessions (8 at a time, via the 3 "
                    + "nodes in turn): %.1f s%n", SESSIONS, seconds);
            for (MqttClient client : sessions) {
                client.disconnect();
                client.close();
            }
            Thread.sleep(5000);
            long[] offline = rss(cluster);
            System.out.printf(Locale.ROOT, "RSS per node with the %d sessions offline (queues kept, MiB): %s; "
                    + "per offline session: %.0f KiB cluster-wide%n", SESSIONS, mib(offline),
                    (double) (Arrays.stream(offline).sum() - Arrays.stream(idle).sum()) / SESSIONS);
        }
    }

    /** Publisher on node {@code from}, subscriber on node {@code to}: publish at QoS 1 until delivered. */
    private static String latency(String label, TestBroker broker, int from, int to) throws Exception {
        var arrived = new LinkedBlockingQueue<Long>();
        String inbox = InboxId.random().value();
        String topic = "/chats/" + inbox + "/messages";
        MqttClient receiver = client(broker, broker.mqttsUri(to), inbox);
        receiver.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String t, MqttMessage message) {
                arrived.add(System.nanoTime());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        connect(receiver, broker, false);
        receiver.subscribe(topic, 1);
        MqttClient sender = client(broker, broker.mqttsUri(from), InboxId.random().value());
        connect(sender, broker, true);
        double[] millis = new double[SAMPLES];
        double[] acked = new double[SAMPLES];
        byte[] payload = new byte[200];
        for (int i = -WARM_UP; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            sender.publish(topic, payload, 1, false); // returns at the PUBACK
            if (i >= 0) acked[i] = (System.nanoTime() - t0) / 1e6;
            Long t1 = arrived.poll(5, TimeUnit.SECONDS);
            if (t1 == null) throw new IllegalStateException(label + ": a message did not arrive");
            if (i >= 0) millis[i] = (t1 - t0) / 1e6;
        }
        sender.disconnect();
        sender.close();
        receiver.disconnect();
        receiver.close();
        Arrays.sort(millis);
        Arrays.sort(acked);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |", label, millis[SAMPLES / 2],
                millis[SAMPLES * 99 / 100], acked[SAMPLES / 2], acked[SAMPLES * 99 / 100]);
    }

    private static List<MqttClient> connectSessions(RabbitCluster cluster) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<MqttClient>> futures = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int node = 1 + i % RabbitCluster.NODES;
            futures.add(pool.submit(() -> {
                String inbox = InboxId.random().value();
                MqttClient client = client(cluster, cluster.mqttsUri(node), inbox);
                connect(client, cluster, false);
                client.subscribe("/chats/" + inbox + "/messages", 1);
                return client;
            }));
        }
        List<MqttClient> clients = new ArrayList<>();
        for (Future<MqttClient> f : futures) clients.add(f.get(120, TimeUnit.SECONDS));
        pool.shutdown();
        return clients;
    }

    private static MqttClient client(TestBroker broker, URI uri, String clientId) throws MqttException {
        return new MqttClient("ssl://" + uri.getHost() + ":" + uri.getPort(), clientId, new MemoryPersistence());
    }

    private static void connect(MqttClient client, TestBroker broker, boolean clean) throws MqttException {
        var options = new MqttConnectOptions();
        options.setCleanSession(clean);
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setSocketFactory(new NoDelay(TestTls.trusting(broker.caFile()).getSocketFactory()));
        options.setHttpsHostnameVerificationEnabled(true);
        Optional<TestBroker.Credentials> credentials = broker.credentials();
        credentials.ifPresent(c -> {
            options.setUserName(c.username());
            options.setPassword(c.password().toCharArray());
        });
        client.connect(options);
    }

    private static long[] rss(RabbitCluster cluster) {
        long[] kib = new long[RabbitCluster.NODES];
        for (int node = 1; node <= RabbitCluster.NODES; node++) kib[node - 1] = cluster.rssKib(node);
        return kib;
    }

    private static String mib(long[] kib) {
        return Arrays.stream(kib).mapToObj(k -> String.format(Locale.ROOT, "%.0f", k / 1024.0)).toList().toString();
    }

    /** TCP_NODELAY on the client side too (~45 ms per QoS 1 round trip without it, measured). */
    private static final class NoDelay extends SSLSocketFactory {
        private final SSLSocketFactory tls;

        NoDelay(SSLSocketFactory tls) {
            this.tls = tls;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            s.setTcpNoDelay(true);
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = tls.createSocket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = tls.createSocket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            Socket socket = tls.createSocket(host, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = tls.createSocket(host, port);
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                throws IOException {
            Socket socket = tls.createSocket(address, port, local, localPort);
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
