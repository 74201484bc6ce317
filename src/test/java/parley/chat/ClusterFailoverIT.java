package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.RabbitCluster;
import parley.testing.RabbitClusterExtension;
import parley.crypto.ChatId;

/**
 * {@code kill -9} of the node that holds the receiver's session in the middle of a two-way exchange of 1,000
 * messages: nothing lost, nothing shown twice, and the receiver carries on through another node. The parties
 * reach the cluster through its load balancer, as a deployment's single broker URL would.
 */
@ExtendWith(RabbitClusterExtension.class)
class ClusterFailoverIT {
    private static final int EACH_WAY = 500;
    private static RabbitCluster cluster;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster(RabbitCluster shared) {
        cluster = shared;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    private Party party(String name) {
        Party p = Party.start(name, dir.resolve(name), cluster, Optional.of(cluster.mqttsUri()),
                Optional.of(cluster.wssUri()), Party.fastTimings());
        open.add(p);
        return p;
    }

    @Test
    void killingTheReceiversNodeDuringAThousandMessagesLosesNoneAndShowsNoneTwice() throws Exception {
        Party alice = party("alice");
        Party bob = party("bob");
        PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
        ChatId bobChat = bob.service.join(invite.link()).join();
        ChatId aliceChat = invite.chat();
        alice.await(ChatEvent.ChatReady.class, e -> e.chat().equals(aliceChat), Duration.ofSeconds(30));
        bob.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bobChat), Duration.ofSeconds(30));
        String bobInbox = bob.ownInbox(bobChat).value();
        int victimNode = cluster.sessionNode(bobInbox);

        AtomicReference<Throwable> sendFailure = new AtomicReference<>();
        Thread aliceSends = sender(alice, aliceChat, "from alice ", sendFailure);
        Thread bobSends = sender(bob, bobChat, "from bob ", sendFailure);
        try {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bob.receivedTexts(bobChat).size() < 100 && System.nanoTime() < end) Party.sleep(10);
            assertThat(bob.receivedTexts(bobChat)).as("bob got the first messages").hasSizeGreaterThanOrEqualTo(100);
            cluster.killNode(victimNode);

            aliceSends.join(Duration.ofSeconds(180));
            bobSends.join(Duration.ofSeconds(180));
            assertThat(sendFailure.get()).as("a send failed").isNull();
            bob.awaitReceived(bobChat, EACH_WAY, Duration.ofSeconds(180));
            alice.awaitReceived(aliceChat, EACH_WAY, Duration.ofSeconds(180));
            Party.sleep(2000); // late duplicates would show up now

            assertExactlyOnce(bob.receivedTexts(bobChat), "from alice ");
            assertExactlyOnce(alice.receivedTexts(aliceChat), "from bob ");
            int nowOn = cluster.sessionNodes().getOrDefault(bobInbox, -1);
            assertThat(nowOn).as("bob's session moved to a surviving node").isNotEqualTo(victimNode).isPositive();
        } finally {
            cluster.startNode(victimNode);
        }
    }

    private static void assertExactlyOnce(List<String> shown, String prefix) {
        List<String> expected = IntStream.rangeClosed(1, EACH_WAY).mapToObj(i -> prefix + i).toList();
        assertThat(shown).as("shown once each").doesNotHaveDuplicates();
        assertThat(new HashSet<>(shown)).as("none lost").isEqualTo(new HashSet<>(expected));
    }

    private static Thread sender(Party party, ChatId chat, String prefix, AtomicReference<Throwable> failure) {
        return Thread.ofPlatform().name("sender-" + party.name).start(() -> {
            try {
                for (int i = 1; i <= EACH_WAY; i++) {
                    party.service.send(chat, prefix + i).join();
                    if (i % 50 == 0) Party.sleep(20); // a chat, not a flood: spread the exchange over the kill
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
    }
}
