package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.RabbitCluster;
import parley.testing.RabbitClusterExtension;
import parley.testing.TestBroker;
import parley.crypto.ChatId;

/**
 * The chat scenarios on both broker profiles: Mosquitto, and the 3-node RabbitMQ cluster behind a load balancer,
 * where the two parties' sessions end up on different nodes.
 */
@ExtendWith({BrokerStackExtension.class, RabbitClusterExtension.class})
class BrokerProfilesChatIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static BrokerStack mosquitto;
    private static RabbitCluster cluster;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void brokers(BrokerStack stack, RabbitCluster rabbit) {
        mosquitto = stack;
        cluster = rabbit;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    static Stream<Arguments> profiles() {
        return Stream.of(Arguments.of("mosquitto", false), Arguments.of("mosquitto", true),
                Arguments.of("rabbitmq cluster", false), Arguments.of("rabbitmq cluster", true));
    }

    static Stream<String> brokerNames() {
        return Stream.of("mosquitto", "rabbitmq cluster");
    }

    private static TestBroker broker(String name) {
        return name.equals("mosquitto") ? mosquitto : cluster;
    }

    private Party party(TestBroker broker, String name, boolean overWss) {
        Optional<URI> mqtts = overWss ? Optional.empty() : Optional.of(broker.mqttsUri());
        Party p = Party.start(name, dir.resolve(name), broker, mqtts, Optional.of(broker.wssUri()),
                Party.fastTimings());
        open.add(p);
        return p;
    }

    private ChatId[] connect(Party a, Party b) {
        PendingInvite invite = a.service.createInvite(Optional.empty()).join();
        ChatId bChat = b.service.join(invite.link()).join();
        a.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        b.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bChat), WAIT);
        return new ChatId[] {invite.chat(), bChat};
    }

    @ParameterizedTest(name = "{0}, over wss: {1}")
    @MethodSource("profiles")
    void inviteJoinAndChatBothWays(String brokerName, boolean overWss) {
        TestBroker broker = broker(brokerName);
        Party alice = null;
        Party bob = null;
        ChatId[] chats = null;
        // on the cluster the balancer places each connection; a pair that lands on one node is tried again, so
        // the exchange below really crosses nodes
        for (int attempt = 1; attempt <= 5; attempt++) {
            String suffix = attempt == 1 ? "" : "-" + attempt;
            alice = party(broker, "alice" + suffix, overWss);
            bob = party(broker, "bob" + suffix, overWss);
            chats = connect(alice, bob);
            if (!(broker instanceof RabbitCluster rabbit)
                    || rabbit.sessionNode(alice.ownInbox(chats[0]).value())
                            != rabbit.sessionNode(bob.ownInbox(chats[1]).value())) {
                break;
            }
        }
        if (broker instanceof RabbitCluster rabbit) {
            int aliceNode = rabbit.sessionNode(alice.ownInbox(chats[0]).value());
            int bobNode = rabbit.sessionNode(bob.ownInbox(chats[1]).value());
            assertThat(aliceNode).as("alice's and bob's sessions are on different nodes").isNotEqualTo(bobNode);
        }

        alice.service.send(chats[0], "hello Bob 👋").join();
        bob.service.send(chats[1], "hi Alice").join();
        bob.service.send(chats[1], "x".repeat(10_240)).join();

        bob.awaitReceived(chats[1], 1, WAIT);
        alice.awaitReceived(chats[0], 2, WAIT);
        assertThat(bob.receivedTexts(chats[1])).containsExactly("hello Bob 👋");
        assertThat(alice.receivedTexts(chats[0])).containsExactly("hi Alice", "x".repeat(10_240));
        assertThat(alice.service.drops(chats[0]).join()).isEmpty();
        assertThat(bob.service.drops(chats[1]).join()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokerNames")
    void messagesSentWhileTheReceiverIsOfflineArriveWhenItReturns(String brokerName) {
        TestBroker broker = broker(brokerName);
        Party alice = party(broker, "alice", false);
        Party bob = party(broker, "bob", false);
        ChatId[] chats = connect(alice, bob);
        bob.close();
        open.remove(bob);
        for (int i = 1; i <= 5; i++) alice.service.send(chats[0], "offline " + i).join();

        Party bobAgain = party(broker, "bob", false);
        bobAgain.awaitReceived(chats[1], 5, WAIT);
        alice.awaitOwn(chats[0], Delivery.DELIVERED, 5, WAIT); // acknowledged: no copy is still on its way
        assertThat(bobAgain.receivedTexts(chats[1]))
                .containsExactly("offline 1", "offline 2", "offline 3", "offline 4", "offline 5");
    }
}
