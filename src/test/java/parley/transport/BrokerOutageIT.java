package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.transport.ConnectionState.Connected;
import parley.transport.ConnectionState.Waiting;

/** Inbox connections ride out a broker restart and a broker crash. Each test has its own stack. */
class BrokerOutageIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private BrokerStack stack;
    private final MqttTransport transport = new MqttTransport();
    private final List<RecordingListener> listeners = new ArrayList<>();

    @BeforeEach
    void startStack() {
        stack = BrokerStack.start();
    }

    @AfterEach
    void stopAll() {
        transport.close();
        listeners.forEach(RecordingListener::close);
        if (stack != null) stack.close();
    }

    private record Opened(InboxConnection connection, RecordingListener listener) {
    }

    private Opened connected(InboxId inbox) throws InterruptedException {
        var listener = new RecordingListener();
        listeners.add(listener);
        var connection = transport.open(BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.caFile()), inbox,
                listener, listener.executor);
        connection.start();
        listener.await(Connected.class, TIMEOUT);
        return new Opened(connection, listener);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void afterABrokerRestartSubscriptionsAreBackAndQueuedMessagesArrive() throws Exception {
        InboxId offline = InboxId.random();
        InboxId online = InboxId.random();
        connected(offline).connection().close();
        Opened onlineSide = connected(online);
        Opened sender = connected(InboxId.random());
        sender.connection().publish(offline, utf8("before restart")).get(5, TimeUnit.SECONDS);

        int senderStates = sender.listener().stateCount();
        int onlineStates = onlineSide.listener().stateCount();
        stack.restartBroker();
        sender.listener().await(Connected.class, senderStates, TIMEOUT);
        onlineSide.listener().await(Connected.class, onlineStates, TIMEOUT);
        assertThat(onlineSide.listener().states().subList(onlineStates, onlineSide.listener().stateCount()))
                .as("the drop was reported").anyMatch(Waiting.class::isInstance);

        sender.connection().publish(offline, utf8("after restart")).get(5, TimeUnit.SECONDS);
        sender.connection().publish(online, utf8("to the online side")).get(5, TimeUnit.SECONDS);
        assertThat(onlineSide.listener().awaitTexts(t -> !t.isEmpty(), TIMEOUT))
                .containsExactly("to the online side");

        Opened back = connected(offline);
        assertThat(back.connection().state()).isEqualTo(new Connected(true));
        assertThat(back.listener().awaitTexts(t -> t.size() >= 2, TIMEOUT))
                .containsExactly("before restart", "after restart");
    }

    @Test
    void whileTheBrokerIsDeadTheConnectionWaitsLongerEachTimeThenComesBack() throws Exception {
        Opened side = connected(InboxId.random());
        int before = side.listener().stateCount();
        stack.killBroker();

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (waitingSince(side, before).size() < 4 && System.nanoTime() < deadline) Thread.sleep(20);
        List<Waiting> waits = waitingSince(side, before);
        assertThat(waits).as("reconnect attempts while the broker is down").hasSizeGreaterThanOrEqualTo(4);
        assertThat(waits.getFirst().reason()).isNotBlank();
        assertThat(waits.get(3).delay()).as("the 4th wait is longer than the 1st (back-off, with jitter)")
                .isGreaterThan(waits.get(0).delay().multipliedBy(3));
        assertThat(side.connection().publish(InboxId.random(), utf8("x"))).isCompletedExceptionally();

        int down = side.listener().stateCount();
        stack.startBroker();
        side.listener().await(Connected.class, down, Duration.ofSeconds(30));
        assertThat(side.connection().state()).isInstanceOf(Connected.class);
    }

    private static List<Waiting> waitingSince(Opened side, int from) {
        List<ConnectionState> states = side.listener().states();
        return states.subList(from, states.size()).stream()
                .filter(Waiting.class::isInstance).map(Waiting.class::cast).toList();
    }
}
