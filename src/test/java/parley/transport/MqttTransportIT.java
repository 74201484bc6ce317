package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.crypto.InboxId;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.transport.ConnectionState.Connected;
import parley.transport.ConnectionState.Connecting;
import parley.transport.ConnectionState.TakenOver;

/** Inbox connections against a real Mosquitto over mqtts. */
@ExtendWith(BrokerStackExtension.class)
class MqttTransportIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static BrokerStack stack;

    private final MqttTransport transport = new MqttTransport();
    private final List<RecordingListener> listeners = new ArrayList<>();

    @BeforeAll
    static void useStack(BrokerStack shared) {
        stack = shared;
    }

    @AfterEach
    void closeTransport() {
        transport.close();
        listeners.forEach(RecordingListener::close);
    }

    private BrokerProfile profile() {
        return BrokerProfile.of(stack.mqttsUri()).withCaFile(stack.caFile());
    }

    private record Opened(InboxConnection connection, RecordingListener listener) {
    }

    private Opened open(InboxId inbox) {
        var listener = new RecordingListener();
        listeners.add(listener);
        return new Opened(transport.open(profile(), inbox, listener, listener.executor), listener);
    }

    private Opened connected(InboxId inbox) throws InterruptedException {
        Opened opened = open(inbox);
        opened.connection().start();
        opened.listener().await(Connected.class, TIMEOUT);
        return opened;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPublishedMessageReachesThePeersInboxAndThePubackCompletesTheFuture() throws Exception {
        InboxId alice = InboxId.random();
        InboxId bob = InboxId.random();
        Opened a = connected(alice);
        Opened b = connected(bob);

        CompletableFuture<Void> sent = a.connection().publish(bob, utf8("hello bob"));
        sent.get(5, TimeUnit.SECONDS);

        assertThat(b.listener().awaitTexts(t -> !t.isEmpty(), TIMEOUT)).containsExactly("hello bob");
        assertThat(b.listener().messages().getFirst().retained()).isFalse();
        assertThat(a.listener().messages()).as("the sender does not get its own message").isEmpty();
        assertThat(b.listener().threads()).as("listener calls run on the owner's executor only")
                .containsOnly("test-callbacks");
    }

    @Test
    void theFirstConnectHasNoSessionAndALaterOneFindsIt() throws Exception {
        InboxId inbox = InboxId.random();
        Opened first = connected(inbox);
        assertThat(first.connection().state()).isEqualTo(new Connected(false));
        first.connection().close();
        assertThat(first.connection().state()).isEqualTo(new ConnectionState.Closed());

        Opened second = connected(inbox);
        assertThat(second.connection().state()).isEqualTo(new Connected(true));
    }

    @Test
    void publishingWhileNotConnectedFailsAtOnce() throws Exception {
        Opened notStarted = open(InboxId.random());
        CompletableFuture<Void> result = notStarted.connection().publish(InboxId.random(), utf8("x"));
        assertThat(result).isCompletedExceptionally();
        assertThat(catchCause(result)).isInstanceOf(NotConnectedException.class);

        Opened closed = connected(InboxId.random());
        closed.connection().close();
        assertThat(catchCause(closed.connection().publish(InboxId.random(), utf8("x"))))
                .isInstanceOf(NotConnectedException.class);
    }

    @Test
    void messagesQueuedForAnOfflineInboxArriveWhenItReconnects() throws Exception {
        InboxId receiver = InboxId.random();
        connected(receiver).connection().close();
        Opened sender = connected(InboxId.random());
        for (int i = 1; i <= 3; i++) {
            sender.connection().publish(receiver, utf8("queued " + i)).get(5, TimeUnit.SECONDS);
        }

        Opened back = connected(receiver);
        assertThat(back.listener().awaitTexts(t -> t.size() >= 3, TIMEOUT))
                .containsExactly("queued 1", "queued 2", "queued 3");
    }

    @Test
    void retireDropsWhatWasQueuedForTheInbox() throws Exception {
        InboxId retired = InboxId.random();
        connected(retired).connection().close();
        Opened sender = connected(InboxId.random());
        sender.connection().publish(retired, utf8("for the old inbox")).get(5, TimeUnit.SECONDS);

        Opened retiring = open(retired);
        retiring.connection().retire().get(15, TimeUnit.SECONDS);
        assertThat(retiring.connection().state()).isEqualTo(new ConnectionState.Closed());

        Opened back = connected(retired);
        assertThat(back.connection().state()).as("the broker forgot the session").isEqualTo(new Connected(false));
        Thread.sleep(1000);
        assertThat(back.listener().texts()).isEmpty();
    }

    @Test
    void twoConnectionsWithOneClientIdBackOffInsteadOfKickingEachOtherForever() throws Exception {
        InboxId inbox = InboxId.random();
        Opened first = connected(inbox);
        Opened second = open(inbox);
        second.connection().start();

        Thread.sleep(12_000);

        List<TakenOver> takeovers = new ArrayList<>(first.listener().states(TakenOver.class));
        takeovers.addAll(second.listener().states(TakenOver.class));
        assertThat(takeovers).as("the takeover loop is reported").isNotEmpty();
        for (Opened side : List.of(first, second)) {
            List<TakenOver> own = side.listener().states(TakenOver.class);
            for (int i = 1; i < own.size(); i++) {
                assertThat(own.get(i).drops()).isGreaterThan(own.get(i - 1).drops());
                assertThat(own.get(i).backoff()).as("back-off grows").isGreaterThan(own.get(i - 1).backoff());
            }
        }
        assertThat(takeovers.stream().mapToInt(TakenOver::drops).max().orElseThrow())
                .as("at least one side backed off more than once").isGreaterThanOrEqualTo(4);
        int connects = first.listener().states(Connecting.class).size()
                + second.listener().states(Connecting.class).size();
        // kicking each other freely every ~0.5 s would make ~50 connects in 12 s
        assertThat(connects).as("connect attempts of both in 12 s").isLessThanOrEqualTo(14);
    }

    private static Throwable catchCause(CompletableFuture<?> future) {
        try {
            future.get(1, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got success");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected an immediate failure, got " + e, e);
        }
    }
}
