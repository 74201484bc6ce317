package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.DropReason;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.crypto.ChatId;

/** Messages, acks, re-sends and what is dropped (docs/protocol.md sections 2, 3 and 6), on a manual clock. */
class ChatSessionMessagesTest extends ChatLabTest {
    /** Alice's chat [0] with bob's [1], connected and quiet: the join's acks are through. */
    private ChatId[] chats;

    @BeforeEach
    void connect() {
        chats = lab.connect(alice, bob);
        lab.advance(Duration.ofSeconds(1));
    }

    @Test
    void aMessageGoesQueuedSentDeliveredAndIsShownOnce() {
        Message hello = alice.send(chats[0], "hello Bob 👋");
        assertThat(hello.delivery()).isEqualTo(Delivery.QUEUED);
        assertThat(bob.received(chats[1])).containsExactly("hello Bob 👋");
        assertThat(alice.deliveries(hello.id())).containsExactly(Delivery.SENT);
        lab.advance(Duration.ofMillis(199));
        assertThat(alice.deliveries(hello.id())).as("the ack waits for its batch").containsExactly(Delivery.SENT);
        lab.advance(Duration.ofMillis(1));
        assertThat(alice.deliveries(hello.id())).containsExactly(Delivery.SENT, Delivery.DELIVERED);
        assertThat(bob.chat(chats[1]).unread()).isEqualTo(1);
        bob.done(bob.service.markRead(chats[1]));
        assertThat(bob.chat(chats[1]).unread()).isZero();
    }

    @Test
    void messagesArrivingTogetherShareOneAck() {
        InboxId aliceInbox = alice.inbox(chats[0]);
        int before = lab.broker.publishedTo(aliceInbox).size();
        List<Message> sent = List.of(alice.send(chats[0], "one"), alice.send(chats[0], "two"),
                alice.send(chats[0], "three"));
        lab.advance(Duration.ofMillis(200));
        var acks = alice.sentTo(chats[0], aliceInbox).subList(before, alice.sentTo(chats[0], aliceInbox).size());
        assertThat(acks).hasSize(1).first().isInstanceOfSatisfying(Ack.class,
                ack -> assertThat(ack.ids()).containsExactlyElementsOf(sent.stream().map(Message::id).toList()));
        assertThat(sent).allSatisfy(m -> assertThat(alice.deliveries(m.id())).contains(Delivery.DELIVERED));
    }

    @Test
    void anUnackedMessageIsResentOnTheBackOffUntilTheAckAndShownOnce() {
        InboxId bobInbox = bob.inbox(chats[1]);
        bob.close(); // away; the broker keeps bob's queue
        int before = lab.broker.publishedTo(bobInbox).size();
        Message m = alice.send(chats[0], "are you there?");
        lab.advance(Duration.ofSeconds(200));
        Instant t = ChatLab.START.plusSeconds(1);
        assertThat(lab.broker.publishedTo(bobInbox).subList(before, lab.broker.publishedTo(bobInbox).size()))
                .extracting(MemoryBroker.Published::at)
                .as("5 s, then doubling to the 60 s cap").containsExactly(t, t.plusSeconds(5), t.plusSeconds(15),
                        t.plusSeconds(35), t.plusSeconds(75), t.plusSeconds(135), t.plusSeconds(195));

        ChatLab.Peer bobAgain = lab.peer("bob"); // takes its queue while it starts, before a listener is added
        assertThat(bobAgain.done(bobAgain.service.history(chats[1], Long.MAX_VALUE, 10)))
                .extracting(Message::text).containsExactly("are you there?");
        assertThat(bobAgain.drops(chats[1], DropReason.DUPLICATE)).isEqualTo(6);
        lab.advance(Duration.ofMillis(200));
        assertThat(alice.deliveries(m.id())).containsExactly(Delivery.SENT, Delivery.DELIVERED);
        int after = lab.broker.publishedTo(bobInbox).size();
        lab.advance(Duration.ofMinutes(10));
        assertThat(lab.broker.publishedTo(bobInbox)).as("no re-send once acked").hasSize(after);
    }

    @Test
    void aMessageSentWhileTheBrokerIsAwayStaysQueuedAndGoesOutOnReconnect() {
        lab.broker.goDown();
        lab.time.runDue();
        assertThat(alice.chat(chats[0]).connection().status()).isEqualTo(Chat.Connection.Status.WAITING);
        Message m = alice.send(chats[0], "offline");
        lab.advance(Duration.ofSeconds(30));
        assertThat(bob.received(chats[1])).isEmpty();
        assertThat(alice.deliveries(m.id())).isEmpty();
        lab.broker.comeBack();
        assertThat(bob.received(chats[1])).containsExactly("offline");
        lab.advance(Duration.ofMillis(200));
        assertThat(alice.deliveries(m.id())).containsExactly(Delivery.SENT, Delivery.DELIVERED);
    }

    @Test
    void hostileGarbledReplayedAndMisdirectedPayloadsAreDroppedByReasonAndTheChatGoesOn() {
        InboxId bobInbox = bob.inbox(chats[1]);
        InboxId aliceInbox = alice.inbox(chats[0]);
        ChatKey key = bob.key(chats[1]);
        byte[] genuine = PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 99, 1, "genuine once"), key);
        byte[] flipped = genuine.clone();
        flipped[30] ^= 0x01;
        byte[] reflected = PayloadCodec.seal(new Msg(MessageId.random(), aliceInbox, 100, 1, "reflected"), key);
        byte[] underInviteKey = PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 101, 1, "photo"),
                bob.record(chats[1]).inviteKey);
        byte[] wrongKey = PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 102, 1, "wrong"), ChatKey.random());
        byte[] planted = PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 103, 1, "planted"), key);

        lab.broker.inject(bobInbox, "not json at all".getBytes(StandardCharsets.UTF_8), false);
        lab.broker.inject(bobInbox, flipped, false);
        lab.broker.inject(bobInbox, genuine, false);
        lab.broker.inject(bobInbox, genuine, false);
        lab.broker.inject(bobInbox, reflected, false);
        lab.broker.inject(bobInbox, underInviteKey, false);
        lab.broker.inject(bobInbox, wrongKey, false);
        lab.broker.inject(bobInbox, "{\"v\":2,\"ct\":\"x\",\"mac\":\"y\"}".getBytes(StandardCharsets.UTF_8), false);
        lab.broker.inject(bobInbox, planted, true);
        alice.send(chats[0], "still here");

        assertThat(bob.received(chats[1])).containsExactly("genuine once", "still here");
        assertThat(bob.done(bob.service.drops(chats[1]))).containsEntry(DropReason.NOT_JSON, 1L)
                .containsEntry(DropReason.BAD_MAC, 2L)
                .containsEntry(DropReason.DUPLICATE, 1L)
                .containsEntry(DropReason.WRONG_RECIPIENT, 1L)
                .containsEntry(DropReason.UNEXPECTED, 1L)
                .containsEntry(DropReason.BAD_VERSION, 1L)
                .containsEntry(DropReason.RETAINED, 1L)
                .hasSize(7);
        assertThat(bob.events(ChatEvent.PayloadDropped.class)).hasSize(8);
    }

    @Test
    void anotherDeviceTakingTheInboxOverIsShownAndTheChatResumesWhenItIsBack() {
        InboxId bobInbox = bob.inbox(chats[1]);
        var other = lab.broker.open(null, bobInbox, new parley.transport.ConnectionListener() {
            @Override
            public void onMessage(byte[] payload, boolean retained) {}

            @Override
            public void onStateChanged(parley.transport.ConnectionState state) {}
        }, lab.time);
        other.start();
        Chat.Connection shown = bob.chat(chats[1]).connection();
        assertThat(shown.status()).isEqualTo(Chat.Connection.Status.WAITING);
        assertThat(shown.detail()).contains("another device or Parley uses this chat's inbox");
        other.close();
        lab.broker.comeBack(); // bob reconnects, as the transport does after its take-over back-off
        alice.send(chats[0], "back?");
        assertThat(bob.received(chats[1])).containsExactly("back?");
        assertThat(bob.chat(chats[1]).connection().status()).isEqualTo(Chat.Connection.Status.ONLINE);
    }

    @Test
    void aRestartResumesTheChatAndItsOutbox() {
        lab.broker.goDown();
        lab.time.runDue();
        alice.send(chats[0], "kept over a restart");
        alice.close();
        ChatLab.Peer aliceAgain = lab.peer("alice");
        lab.broker.comeBack();
        lab.time.runDue();
        assertThat(bob.received(chats[1])).containsExactly("kept over a restart");
        bob.send(chats[1], "welcome back");
        assertThat(aliceAgain.received(chats[0])).containsExactly("welcome back");
    }
}
