package parley.transport.wss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paho clients over {@code wss://} through {@link FragmentingRelay} (TLS, certificates made by openssl) to a real
 * Mosquitto, with this package's module and, to show the relay catches the bug, with Paho's own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WssRelayIT {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static MosquittoBroker broker;
    private static SSLContext trustingTestCa;
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private FragmentingRelay relay;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = new TestPki(dir);
        pki.createCa("ca");
        pki.createCa("rogue-ca");
        pki.createServer("localhost", "ca", "DNS:localhost,IP:127.0.0.1");
        pki.createServer("elsewhere", "ca", "DNS:elsewhere.example");
        pki.createServer("rogue-localhost", "rogue-ca", "DNS:localhost,IP:127.0.0.1");
        trustingTestCa = pki.clientContextTrusting("ca");
        broker = MosquittoBroker.start(Files.createDirectories(dir.resolve("broker")));
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeClientsAndRelay() throws Exception {
        for (MqttAsyncClient client : clients) {
            try {
                if (client.isConnected()) {
                    client.disconnectForcibly(1000, 1000);
                }
                client.close(true);
            } catch (MqttException ignored) {
                // already gone
            }
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void twoHundredMessagesEachWaySurvivePingsPongsAndFragments() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.hostile());
        Peer a = connect("a", ours());
        Peer b = connect("b", ours());
        a.subscribe("parley-test/to-a");
        b.subscribe("parley-test/to-b");
        List<byte[]> toB = payloads(200, 1);
        List<byte[]> toA = payloads(200, 2);

        long start = System.nanoTime();
        CompletableFuture<Void> aSends = CompletableFuture.runAsync(() -> a.publishAll("parley-test/to-b", toB));
        CompletableFuture<Void> bSends = CompletableFuture.runAsync(() -> b.publishAll("parley-test/to-a", toA));
        CompletableFuture.allOf(aSends, bSends).get(20, TimeUnit.SECONDS);
        b.awaitCount(200, Duration.ofSeconds(20));
        a.awaitCount(200, Duration.ofSeconds(20));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(b.receivedDigests()).containsExactlyElementsOf(digests(toB));
        assertThat(a.receivedDigests()).containsExactlyElementsOf(digests(toA));
        assertThat(a.lost).isEmpty();
        assertThat(b.lost).isEmpty();
        // the relay really was hostile, and the JDK answered its PINGs
        assertThat(relay.fragmentedMessages.get()).isGreaterThan(400);
        assertThat(relay.pingsSent.get()).isGreaterThan(2);
        assertThat(relay.pongsForOurPings.get()).isGreaterThan(0);
    }

    @Test
    void largeMessageArrivesIntact() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.hostile());
        Peer a = connect("big-a", ours());
        Peer b = connect("big-b", ours());
        b.subscribe("parley-test/big");
        // the largest payload a Parley broker passes on (its message_size_limit): bigger packets are refused
        // by the packet guard (docs/protocol.md, section 7)
        byte[] payload = new byte[262_144];
        new Random(3).nextBytes(payload);

        a.publishAll("parley-test/big", List.of(payload));
        b.awaitCount(1, Duration.ofSeconds(20));

        assertThat(b.received.getFirst()).isEqualTo(payload);
        assertThat(a.lost).isEmpty();
        assertThat(b.lost).isEmpty();
    }

    @Test
    void serverClosingTheWebsocketIsReportedPromptly() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.hostile());
        Peer a = connect("closed-a", ours());

        long start = System.nanoTime();
        relay.closeAllClients();
        Throwable cause = a.lost.poll(3, TimeUnit.SECONDS);

        assertThat(cause).as("connectionLost within 3 s of the close frame").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(a.client.isConnected()).isFalse();
    }

    @Test
    void certificateForAnotherHostIsRefusedNamingTheHost() throws Exception {
        relay = startRelay("elsewhere", RelayBehaviour.hostile());

        assertThatThrownBy(() -> connect("wrong-host", ours()))
                .isInstanceOf(MqttException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .cause().hasMessageContaining("localhost");
    }

    @Test
    void certificateFromAnUntrustedCaIsRefused() throws Exception {
        relay = startRelay("rogue-localhost", RelayBehaviour.hostile());

        assertThatThrownBy(() -> connect("untrusted", ours()))
                .isInstanceOf(MqttException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .cause().hasMessageContaining("PKIX path building failed");
    }

    @Test
    void pahosOwnModuleLosesTheConnectionOnTheFirstPing() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.pingsOnly());
        Peer a = connect("paho-own", pahosOwn());
        assertThat(relay.pingsSent.get()).as("connected before the first PING").isZero();

        Throwable cause = a.lost.poll(5, TimeUnit.SECONDS);

        assertThat(cause).as("Paho's own module drops the connection on a PING").isNotNull();
        assertThat(cause).isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
                .isEqualTo(MqttException.REASON_CODE_CONNECTION_LOST));
        assertThat(relay.pingsSent.get()).isBetween(1, 3);
    }

    @Test
    void pahosOwnModuleCannotEvenConnectThroughFragments() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.fragmentsOnly());

        assertThatThrownBy(() -> connect("paho-own-fragments", pahosOwn())).isInstanceOf(MqttException.class);
    }

    @Test
    void ourModuleKeepsTheConnectionThroughManyPings() throws Exception {
        relay = startRelay("localhost", RelayBehaviour.pingsOnly());
        Peer a = connect("ours-pings", ours());

        Thread.sleep(2500);

        assertThat(relay.pongsForOurPings.get()).isGreaterThanOrEqualTo(4);
        assertThat(a.lost).isEmpty();
        assertThat(a.client.isConnected()).isTrue();
    }

    private FragmentingRelay startRelay(String certificate, RelayBehaviour behaviour) throws Exception {
        return FragmentingRelay.start(pki.serverContext(certificate), broker.port(), behaviour);
    }

    private String ours() {
        return WssTransportSupport.brokerUri(URI.create("wss://localhost:" + relay.port() + "/mqtt"));
    }

    private String pahosOwn() {
        return "wss://localhost:" + relay.port() + "/mqtt";
    }

    private Peer connect(String clientId, String serverUri) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        clients.add(client);
        Peer peer = new Peer(client);
        client.setCallback(peer);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(10);
        WssTransportSupport.configure(options, trustingTestCa);
        client.connect(options).waitForCompletion(15_000);
        return peer;
    }

    private static List<byte[]> payloads(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int size = switch (i) {
                case 0 -> 1;
                case 1 -> 100 * 1024;
                default -> 1 + random.nextInt(100 * 1024);
            };
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            payloads.add(payload);
        }
        return payloads;
    }

    private static List<String> digests(List<byte[]> payloads) {
        return payloads.stream().map(WssRelayIT::digest).toList();
    }

    static String digest(byte[] payload) {
        try {
            return payload.length + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connected client with what it received and why it lost its connection. */
    private static final class Peer implements MqttCallback {
        final MqttAsyncClient client;
        final List<byte[]> received = new CopyOnWriteArrayList<>();
        final BlockingQueue<Throwable> lost = new LinkedBlockingQueue<>();

        Peer(MqttAsyncClient client) {
            this.client = client;
        }

        void subscribe(String topic) throws MqttException {
            client.subscribe(topic, 1).waitForCompletion(10_000);
        }

        void publishAll(String topic, List<byte[]> payloads) {
            try {
                for (byte[] payload : payloads) {
                    MqttMessage message = new MqttMessage(payload);
                    message.setQos(1);
                    client.publish(topic, message).waitForCompletion(10_000);
                }
            } catch (MqttException e) {
                throw new IllegalStateException("publish failed", e);
            }
        }

        void awaitCount(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(received).as("messages received within " + timeout).hasSize(count);
        }

        List<String> receivedDigests() {
            return digests(received);
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.add(cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
