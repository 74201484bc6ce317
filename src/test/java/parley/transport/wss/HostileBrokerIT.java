package parley.transport.wss;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.transport.BrokerProfile;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;
import parley.transport.InboxConnection;
import parley.transport.MqttTransport;

/**
 * A broker that lies (issue 12, part 2) next to the real stack, in one app's transport: a huge announced packet
 * and a packet dripped forever, over mqtts and over wss. The lying connections close with the reason the user
 * sees, the heap stays small, and a chat on the real Mosquitto keeps exchanging messages throughout.
 */
@ExtendWith(BrokerStackExtension.class)
class HostileBrokerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** The guard's deadline is one keep-alive (30 s); the drip must be cut within it plus a margin. */
    private static final Duration DRIP_TIMEOUT = Duration.ofSeconds(75);
    private static BrokerStack stack;
    private static SSLContext hostileTls;
    private static Path hostileCa;

    private final MqttTransport transport = new MqttTransport();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void setUp(BrokerStack shared) throws Exception {
        stack = shared;
        Path dir = Files.createTempDirectory("parley-hostile-");
        var pki = new TestPki(dir);
        pki.createCa("hostile-ca");
        pki.createServer("hostile", "hostile-ca", "DNS:localhost,IP:127.0.0.1");
        hostileTls = pki.serverContext("hostile");
        hostileCa = dir.resolve("hostile-ca.pem");
    }

    @AfterEach
    void tearDown() throws Exception {
        transport.close();
        for (AutoCloseable c : closing.reversed()) c.close();
    }

    @Test
    void aHugeAnnouncedPacketClosesOnlyThatConnectionWithItsReasonAndAllocatesNothing() throws Exception {
        Chat healthy = healthyChat();
        long heapBefore = usedHeapAfterGc();

        Recorder mqtts = hostile(HostileBroker.Attack.HUGE_LENGTH, false);
        Recorder wss = hostile(HostileBroker.Attack.HUGE_LENGTH, true);
        String reason = "the broker announced an MQTT packet of 268,435,460 bytes, over Parley's limit of 263,168:"
                + " connection closed";
        for (Recorder r : List.of(mqtts, wss)) {
            ConnectionState.Waiting waiting = r.await(ConnectionState.Waiting.class,
                    w -> w.reason().equals(reason), TIMEOUT);
            assertThat(waiting.reason()).isEqualTo(reason);
        }
        // and again on the retry: the broker is asked again, refused again, never believed
        for (Recorder r : List.of(mqtts, wss)) {
            r.awaitCount(ConnectionState.Waiting.class, w -> w.reason().equals(reason), 2, TIMEOUT);
        }
        healthy.exchange("after the huge packets");

        long grown = usedHeapAfterGc() - heapBefore;
        assertThat(grown).as("used heap growth in bytes (a believed length would be 256 MiB per connection)")
                .isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aPacketDrippedForeverIsCutAfterOneKeepAliveWhileOtherChatsGoOn() throws Exception {
        Chat healthy = healthyChat();
        long heapBefore = usedHeapAfterGc();
        Recorder mqtts = hostile(HostileBroker.Attack.DRIP, false);
        Recorder wss = hostile(HostileBroker.Attack.DRIP, true);
        long start = System.nanoTime();
        String reason = "the broker left an MQTT packet unfinished for more than 30 s: connection closed";

        // while the drip goes on, the real chat is untouched
        int round = 0;
        while (System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            healthy.exchange("during the drip " + round++);
        }
        for (Recorder r : List.of(mqtts, wss)) {
            assertThat(r.states).as("never reported connected: the SUBACK never came").noneMatch(
                    s -> s instanceof ConnectionState.Connected);
            r.await(ConnectionState.Waiting.class, w -> w.reason().equals(reason), DRIP_TIMEOUT);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cut after one keep-alive, not before")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        healthy.exchange("after the drip");
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(32L * 1024 * 1024);
    }

    // ---- helpers ----

    private Recorder hostile(HostileBroker.Attack attack, boolean websocket) throws Exception {
        HostileBroker broker = HostileBroker.start(hostileTls, attack, websocket);
        closing.add(broker);
        URI uri = URI.create(websocket ? "wss://localhost:" + broker.port() + "/mqtt"
                : "mqtts://localhost:" + broker.port());
        Recorder recorder = new Recorder(attack + (websocket ? " wss" : " mqtts"));
        closing.add(recorder);
        InboxConnection connection = transport.open(BrokerProfile.of(uri).withCaFile(hostileCa), InboxId.random(),
                recorder, recorder.executor);
        connection.start();
        return recorder;
    }

    /** Two inboxes on the real Mosquitto, one over mqtts and one over wss (through nginx), in the same transport. */
    private Chat healthyChat() throws Exception {
        InboxId aliceInbox = InboxId.random();
        InboxId bobInbox = InboxId.random();
        Recorder alice = new Recorder("alice");
        Recorder bob = new Recorder("bob");
        closing.add(alice);
        closing.add(bob);
        InboxConnection a = transport.open(BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.caFile()), aliceInbox,
                alice, alice.executor);
        InboxConnection b = transport.open(BrokerProfile.of(stack.wssUri()).withCaFile(stack.caFile()), bobInbox,
                bob, bob.executor);
        a.start();
        b.start();
        alice.await(ConnectionState.Connected.class, s -> true, TIMEOUT);
        bob.await(ConnectionState.Connected.class, s -> true, TIMEOUT);
        Chat chat = new Chat(a, aliceInbox, alice, b, bobInbox, bob);
        chat.exchange("before");
        return chat;
    }

    private record Chat(InboxConnection a, InboxId aliceInbox, Recorder alice, InboxConnection b, InboxId bobInbox,
                        Recorder bob) {
        void exchange(String text) throws Exception {
            a.publish(bobInbox, ("to bob: " + text).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            b.publish(aliceInbox, ("to alice: " + text).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            bob.awaitText("to bob: " + text, TIMEOUT);
            alice.awaitText("to alice: " + text, TIMEOUT);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static final class Recorder implements ConnectionListener, AutoCloseable {
        final String name;
        final ExecutorService executor;
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<String> texts = new CopyOnWriteArrayList<>();

        Recorder(String name) {
            this.name = name;
            this.executor = Executors.newSingleThreadExecutor();
        }

        @Override
        public void onMessage(byte[] payload, boolean retained) {
            texts.add(new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void onStateChanged(ConnectionState state) {
            states.add(state);
        }

        <T extends ConnectionState> T await(Class<T> type, Predicate<T> test, Duration timeout)
                throws InterruptedException {
            awaitCount(type, test, 1, timeout);
            return states.stream().filter(type::isInstance).map(type::cast).filter(test).findFirst().orElseThrow();
        }

        <T extends ConnectionState> void awaitCount(Class<T> type, Predicate<T> test, int count, Duration timeout)
                throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (states.stream().filter(type::isInstance).map(type::cast).filter(test).count() >= count) return;
                Thread.sleep(20);
            }
            throw new AssertionError(name + " waited " + timeout + " for " + count + " " + type.getSimpleName()
                    + "; states: " + states);
        }

        void awaitText(String text, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (texts.contains(text)) return;
                Thread.sleep(10);
            }
            throw new AssertionError(name + " never received '" + text + "'; got " + texts);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
