package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.crypto.ChatId;

/**
 * The broker silently drops what exceeds {@code max_queued_messages} for an offline client, while the sender still gets PUBACKs; the
 * end-to-end acks and the durable outbox must deliver everything anyway.
 */
class OutboxResendIT {
    private static final int QUEUE_LIMIT = 5;
    private static BrokerStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        stack = BrokerStack.start(BrokerStack.Options.defaults().withMaxQueuedMessages(QUEUE_LIMIT));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void messagesTheBrokerDroppedAreResentUntilAcknowledged() {
        Party alice = Party.start("alice", dir.resolve("alice"), stack, Optional.of(stack.mqttsUri()),
                Optional.empty(), Party.fastTimings());
        Party bob = Party.start("bob", dir.resolve("bob"), stack, Optional.of(stack.mqttsUri()), Optional.empty(),
                Party.fastTimings());
        List<AutoCloseable> open = new ArrayList<>(List.of(alice));
        try {
            PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
            ChatId bobChat = bob.service.join(invite.link()).join();
            alice.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), Duration.ofSeconds(20));
            bob.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bobChat), Duration.ofSeconds(20));
            bob.close();

            int sent = 4 * QUEUE_LIMIT;
            for (int i = 1; i <= sent; i++) {
                alice.service.send(invite.chat(), "m" + i).join();
            }
            alice.awaitOwn(invite.chat(), Delivery.SENT, sent, Duration.ofSeconds(30)); // all PUBACKed; the broker kept only QUEUE_LIMIT
            Party bobAgain = Party.start("bob", dir.resolve("bob"), stack, Optional.of(stack.mqttsUri()),
                    Optional.empty(), Party.fastTimings());
            open.add(bobAgain);
            bobAgain.awaitReceived(bobChat, sent, Duration.ofSeconds(40));
            alice.awaitOwn(invite.chat(), Delivery.DELIVERED, sent, Duration.ofSeconds(30)); // no re-send left
            List<String> expected = IntStream.rangeClosed(1, sent).mapToObj(i -> "m" + i).toList();
            assertThat(bobAgain.receivedTexts(bobChat)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(bobAgain.service.history(bobChat, Long.MAX_VALUE, 100).join()).hasSize(sent);
        } finally {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing the rest matters more
                }
            }
        }
    }
}
