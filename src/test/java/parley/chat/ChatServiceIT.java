package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;
import parley.crypto.ChatId;

/** Two parties invite, join and chat through the real broker stack (Mosquitto + nginx, TLS). */
@ExtendWith(BrokerStackExtension.class)
class ChatServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static BrokerStack stack;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Party party(String name, boolean overWss) {
        Optional<URI> mqtts = overWss ? Optional.empty() : Optional.of(stack.mqttsUri());
        Optional<URI> wss = Optional.of(stack.wssUri());
        Party p = Party.start(name, dir.resolve(name), stack, mqtts, wss, Party.fastTimings());
        open.add(p);
        return p;
    }

    /** A and B with an agreed chat; returns {A's chat, B's chat}. */
    private ChatId[] connect(Party a, Party b) {
        PendingInvite invite = a.service.createInvite(Optional.empty()).join();
        ChatId bChat = b.service.join(invite.link()).join();
        a.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        b.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bChat), WAIT);
        return new ChatId[] {invite.chat(), bChat};
    }

    @ParameterizedTest(name = "over wss: {0}")
    @ValueSource(booleans = {false, true})
    void inviteJoinAndChatBothWays(boolean overWss) {
        Party alice = party("alice", overWss);
        Party bob = party("bob", overWss);
        ChatId[] chats = connect(alice, bob);

        assertThat(alice.service.chat(chats[0]).join().name()).isEqualTo("bob");
        assertThat(bob.service.chat(chats[1]).join().name()).isEqualTo("alice");
        String tenKb = "x".repeat(10_240);
        Message hello = alice.service.send(chats[0], "hello Bob 👋 — grüße").join();
        bob.service.send(chats[1], "hi Alice").join();
        bob.service.send(chats[1], tenKb).join();

        bob.awaitReceived(chats[1], 1, WAIT);
        alice.awaitReceived(chats[0], 2, WAIT);
        assertThat(bob.receivedTexts(chats[1])).containsExactly("hello Bob 👋 — grüße");
        assertThat(alice.receivedTexts(chats[0])).containsExactly("hi Alice", tenKb);
        alice.await(ChatEvent.DeliveryChanged.class,
                e -> e.message().equals(hello.id()) && e.delivery() == Delivery.DELIVERED, WAIT);
        assertThat(alice.service.history(chats[0], Long.MAX_VALUE, 10).join())
                .extracting(Message::text).containsExactly(tenKb, "hi Alice", "hello Bob 👋 — grüße");
        assertThat(alice.service.drops(chats[0]).join()).isEmpty();
        assertThat(bob.service.drops(chats[1]).join()).isEmpty();
    }

    @Test
    void roguesSubscribedToWildcardsReceiveNothing() throws Exception {
        List<Rogue> rogues = List.of(
                Rogue.connect(stack, "rogue-hash", "#"),
                Rogue.connect(stack, "rogue-chats", "/chats/#"),
                Rogue.connect(stack, "rogue-plus", "+/+/+/+"),
                Rogue.connect(stack, "rogue-sys", "$SYS/#"));
        rogues.forEach(open::add);
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        for (int i = 0; i < 5; i++) {
            alice.service.send(chats[0], "secret " + i).join();
            bob.service.send(chats[1], "reply " + i).join();
        }
        bob.awaitReceived(chats[1], 5, WAIT);
        alice.awaitReceived(chats[0], 5, WAIT);
        // every ack made its way back too: whatever the broker would hand a rogue has passed through it by now
        alice.awaitOwn(chats[0], Delivery.DELIVERED, 5, WAIT);
        bob.awaitOwn(chats[1], Delivery.DELIVERED, 5, WAIT);
        for (Rogue r : rogues) {
            assertThat(r.received()).as("what a rogue subscribed to a wildcard got").isEmpty();
        }
    }

    @Test
    void hostileAndGarbledPayloadsAreDroppedCountedAndTheChatGoesOn() throws Exception {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        var bobInbox = bob.ownInbox(chats[1]);
        var aliceInbox = alice.ownInbox(chats[0]);
        var key = bob.chatKey(chats[1]);
        String topic = "/chats/" + bobInbox.value() + "/messages";
        var genuine = new parley.protocol.Msg(parley.crypto.MessageId.random(), bobInbox, 99, 1, "genuine once");
        byte[] genuinePayload = parley.protocol.PayloadCodec.seal(genuine, key);
        byte[] flipped = genuinePayload.clone();
        flipped[30] ^= 0x01;
        var reflected = new parley.protocol.Msg(parley.crypto.MessageId.random(), aliceInbox, 100, 1, "reflected");
        var underInviteKey = new parley.protocol.Msg(parley.crypto.MessageId.random(), bobInbox, 101, 1, "photo");
        var wrongKey = new parley.protocol.Msg(parley.crypto.MessageId.random(), bobInbox, 102, 1, "wrong key");

        try (Rogue rogue = Rogue.connect(stack, "rogue-writer")) {
            rogue.publish(topic, "not json at all".getBytes(StandardCharsets.UTF_8), false);
            rogue.publish(topic, flipped, false);
            rogue.publish(topic, genuinePayload, false);
            rogue.publish(topic, genuinePayload, false); // replayed
            rogue.publish(topic, parley.protocol.PayloadCodec.seal(reflected, key), false);
            rogue.publish(topic, parley.protocol.PayloadCodec.seal(underInviteKey, bob.inviteKey(chats[1])), false);
            rogue.publish(topic, parley.protocol.PayloadCodec.seal(wrongKey, parley.crypto.ChatKey.random()), false);
            rogue.publish(topic, "{\"v\":2,\"ct\":\"x\",\"mac\":\"y\"}".getBytes(StandardCharsets.UTF_8), false);
        }
        alice.service.send(chats[0], "still here").join();
        bob.awaitReceived(chats[1], 2, WAIT);
        // the rogue's payloads come on another connection than Alice's: wait for them by their count
        Party.eventually(WAIT, () -> assertThat(bob.service.drops(chats[1]).join().values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(7));

        assertThat(bob.receivedTexts(chats[1])).containsExactly("genuine once", "still here");
        var drops = bob.service.drops(chats[1]).join();
        assertThat(drops).containsEntry(parley.protocol.DropReason.NOT_JSON, 1L)
                .containsEntry(parley.protocol.DropReason.BAD_MAC, 2L) // bit-flipped, wrong key
                .containsEntry(parley.protocol.DropReason.DUPLICATE, 1L)
                .containsEntry(parley.protocol.DropReason.WRONG_RECIPIENT, 1L)
                .containsEntry(parley.protocol.DropReason.UNEXPECTED, 1L)
                .containsEntry(parley.protocol.DropReason.BAD_VERSION, 1L);
    }

    @Test
    void retainedPayloadsPlantedInAnInboxAreNeverShown() throws Exception {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        var bobInbox = bob.ownInbox(chats[1]);
        var planted = new parley.protocol.Msg(parley.crypto.MessageId.random(), bobInbox, 50, 1, "planted");
        try (Rogue rogue = Rogue.connect(stack, "rogue-planter")) {
            rogue.publish("/chats/" + bobInbox.value() + "/messages",
                    parley.protocol.PayloadCodec.seal(planted, parley.crypto.ChatKey.random()), true);
        } catch (Exception brokerRefusedRetain) {
            // retain_available false: Mosquitto may refuse the retained publish outright; either way nothing is kept
        }
        bob.close();
        open.remove(bob);
        Party bobAgain = party("bob", false);
        alice.service.send(chats[0], "after the plant").join();
        bobAgain.awaitReceived(chats[1], 1, WAIT);
        // a retained payload would come on subscribing, before anything Alice sent after Bob was back
        assertThat(bobAgain.receivedTexts(chats[1])).containsExactly("after the plant");
    }

    @Test
    void messagesSentWhileTheReceiverIsOfflineArriveWhenItReturns() {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        bob.close();
        open.remove(bob);
        for (int i = 1; i <= 5; i++) {
            alice.service.send(chats[0], "offline " + i).join();
        }
        Party bobAgain = party("bob", false);
        bobAgain.awaitReceived(chats[1], 5, WAIT);
        assertThat(bobAgain.receivedTexts(chats[1]))
                .containsExactly("offline 1", "offline 2", "offline 3", "offline 4", "offline 5");
        assertThat(bobAgain.service.history(chats[1], Long.MAX_VALUE, 10).join()).hasSize(5);
    }

    @Test
    void aBrokerRestartLosesNothing() {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        alice.service.send(chats[0], "before").join();
        bob.awaitReceived(chats[1], 1, WAIT);
        stack.restartBroker();
        for (int i = 1; i <= 3; i++) {
            alice.service.send(chats[0], "after " + i).join();
        }
        bob.awaitReceived(chats[1], 4, Duration.ofSeconds(40));
        assertThat(bob.receivedTexts(chats[1])).containsExactly("before", "after 1", "after 2", "after 3");
    }

    @Test
    void aPhotoOfTheQrAfterTheJoinIsUseless() {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
        ChatId bobChat = bob.service.join(invite.link()).join();
        alice.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        bob.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bobChat), WAIT);

        Party mallory = party("mallory", false);
        ChatId malloryChat = mallory.service.join(invite.link()).join();
        alice.service.send(invite.chat(), "for Bob only").join();
        bob.awaitReceived(bobChat, 1, WAIT);
        // the join-unanswered notice comes after a few of Mallory's re-sends (ChatSessionJoinTest counts them)
        mallory.await(ChatEvent.JoinUnanswered.class, e -> e.chat().equals(malloryChat), WAIT);
        assertThat(mallory.events).noneMatch(e -> e instanceof ChatEvent.ChatReady);
        assertThat(mallory.receivedTexts(malloryChat)).isEmpty();
        assertThat(mallory.service.chat(malloryChat).join().phase()).isEqualTo(ChatPhase.JOINING);
        assertThat(alice.service.chats().join()).hasSize(1);
        assertThat(alice.service.drops(invite.chat()).join()).isEmpty();
        bob.service.send(bobChat, "undisturbed").join();
        alice.awaitReceived(invite.chat(), 1, WAIT);
    }

    @Test
    void sendingBeforeTheChatIsReadyIsRefusedClearly() {
        Party alice = party("alice", false);
        PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
        assertThatThrownBy(() -> alice.service.send(invite.chat(), "anyone?").join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("nobody has joined this invite yet");
        assertThatThrownBy(() -> alice.service.join("https://example.org/#nothing").join())
                .hasMessageContaining("not a Parley invite");
    }

    @Test
    void aRestartResumesEveryChat() {
        Party alice = party("alice", false);
        Party bob = party("bob", false);
        ChatId[] chats = connect(alice, bob);
        alice.service.send(chats[0], "one").join();
        bob.awaitReceived(chats[1], 1, WAIT);
        alice.close();
        open.remove(alice);
        bob.close();
        open.remove(bob);
        Party alice2 = party("alice", false);
        Party bob2 = party("bob", false);
        assertThat(alice2.service.history(chats[0], Long.MAX_VALUE, 10).join()).extracting(Message::text)
                .containsExactly("one");
        bob2.service.send(chats[1], "two").join();
        alice2.awaitReceived(chats[0], 1, WAIT);
        assertThat(alice2.receivedTexts(chats[0])).containsExactly("two");
    }
}
