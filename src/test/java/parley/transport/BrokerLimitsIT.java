package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;
import parley.testing.TestTls;

/**
 * One attacker against the shipped Mosquitto limits (broker/mosquitto.conf.template), on loopback and bounded
 * in count and time: a flood of connections stops at the listener's cap, bytes queued into an offline session
 * stop at its cap, a huge announced packet gets the attacker disconnected, and a real chat on the same broker
 * keeps exchanging messages throughout.
 */
@ExtendWith(BrokerStackExtension.class)
class BrokerLimitsIT {
    /** The template's values. */
    private static final int MAX_CONNECTIONS = 1000;
    private static final long MAX_QUEUED_BYTES = 8L * 1024 * 1024;
    private static final int PAYLOAD = 256 * 1024 - 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static BrokerStack stack;

    private final MqttTransport transport = new MqttTransport();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void useStack(BrokerStack shared) {
        stack = shared;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing.reversed()) c.close();
        transport.close();
    }

    @Test
    void aConnectionFloodStopsAtTheCapWhileConnectedChatsGoOn() throws Exception {
        Chat chat = chat();
        SSLSocketFactory tls = TestTls.trusting(stack.caFile()).getSocketFactory();
        int accepted = 0;
        boolean refused = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // well past the cap: every one of these either gets its CONNACK or is closed unanswered
        for (int i = 0; i < MAX_CONNECTIONS + 50 && System.nanoTime() < deadline; i++) {
            SSLSocket socket = (SSLSocket) tls.createSocket("localhost", stack.mqttsPort());
            closing.add(socket);
            if (connack(socket, "flood-" + i)) {
                accepted++;
            } else {
                refused = true;
                break;
            }
            if (i % 200 == 0) chat.exchange("during the flood " + i);
        }
        assertThat(refused).as("the broker refused a connection past its cap").isTrue();
        assertThat(accepted).as("connections the attacker got").isLessThanOrEqualTo(MAX_CONNECTIONS)
                .isGreaterThan(MAX_CONNECTIONS - 50);
        chat.exchange("at the cap");
        for (AutoCloseable c : closing) if (c instanceof SSLSocket s) s.close();
        // and once the attacker lets go, new chats connect again
        Chat later = chat();
        later.exchange("after the flood");
    }

    @Test
    void bytesQueuedIntoAnOfflineSessionStopAtItsCap() throws Exception {
        Chat chat = chat();
        String victim = InboxId.random().value();
        String topic = "/chats/" + victim + "/messages";
        Rogue.connect(stack, victim, false, topic).close(); // an offline session with a subscription
        byte[] payload = new byte[PAYLOAD];
        Arrays.fill(payload, (byte) 'x');
        int sent = 48; // 12 MiB, 1.5 times the cap
        try (Rogue attacker = Rogue.connect(stack, "attacker-" + System.nanoTime())) {
            for (int i = 0; i < sent; i++) attacker.publish(topic, payload, false);
        }
        chat.exchange("after the queue flood");

        try (Rogue back = Rogue.connect(stack, victim, false, topic)) {
            // wait until deliveries stop (the broker hands out what it kept at once), within a deadline
            List<Rogue.Received> got = back.awaitReceived(1, TIMEOUT);
            long end = System.nanoTime() + TIMEOUT.toNanos();
            int seen;
            do {
                seen = got.size();
                got = back.awaitReceived(seen + 1, Duration.ofSeconds(2));
            } while (got.size() > seen && System.nanoTime() < end);
            long bytes = got.stream().mapToLong(r -> r.payload().length).sum();
            assertThat(got.size()).as("messages kept of " + sent).isLessThan(sent);
            assertThat(bytes).as("bytes kept for the offline session")
                    .isLessThanOrEqualTo(MAX_QUEUED_BYTES + PAYLOAD);
        }
    }

    @Test
    void aClientAnnouncingAHugePacketIsDisconnected() throws Exception {
        Chat chat = chat();
        SSLSocket socket = (SSLSocket) TestTls.trusting(stack.caFile()).getSocketFactory()
                .createSocket("localhost", stack.mqttsPort());
        closing.add(socket);
        assertThat(connack(socket, "huge-" + System.nanoTime())).isTrue();
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
        out.flush();
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        assertThat(socket.getInputStream().read()).as("the broker closed the connection").isEqualTo(-1);
        chat.exchange("after the huge packet");
    }

    // ---- helpers ----

    /** Sends an MQTT 3.1.1 CONNECT (clean session) and reads the CONNACK; false when the broker closes instead. */
    private static boolean connack(SSLSocket socket, String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60};
        int remaining = variable.length + 2 + id.length;
        try {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x10, (byte) remaining});
            out.write(variable);
            out.write(new byte[] {(byte) (id.length >> 8), (byte) id.length});
            out.write(id);
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first == -1) return false;
            byte[] rest = in.readNBytes(3);
            return first == 0x20 && rest.length == 3 && rest[2] == 0;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the broker neither answered nor closed connection " + clientId, e);
        } catch (IOException e) {
            return false; // closed or reset by the broker, during the TLS handshake or after
        }
    }

    private Chat chat() throws Exception {
        InboxId alice = InboxId.random();
        InboxId bob = InboxId.random();
        var a = new RecordingListener();
        var b = new RecordingListener();
        closing.add(a);
        closing.add(b);
        BrokerProfile profile = BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.caFile());
        InboxConnection ca = transport.open(profile, alice, a, a.executor);
        InboxConnection cb = transport.open(profile, bob, b, b.executor);
        ca.start();
        cb.start();
        a.await(ConnectionState.Connected.class, TIMEOUT);
        b.await(ConnectionState.Connected.class, TIMEOUT);
        return new Chat(ca, alice, a, cb, bob, b);
    }

    private record Chat(InboxConnection a, InboxId alice, RecordingListener aListener, InboxConnection b,
                        InboxId bob, RecordingListener bListener) {
        void exchange(String text) throws Exception {
            a.publish(bob, ("to bob " + text).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            b.publish(alice, ("to alice " + text).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            assertThat(bListener.awaitTexts(t -> t.contains("to bob " + text), TIMEOUT)).contains("to bob " + text);
            assertThat(aListener.awaitTexts(t -> t.contains("to alice " + text), TIMEOUT))
                    .contains("to alice " + text);
        }
    }
}
