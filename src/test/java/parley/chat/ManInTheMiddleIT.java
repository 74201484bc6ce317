package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.invite.Invite;
import parley.invite.InviteLink;
import parley.protocol.Join;
import parley.protocol.Msg;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Welcome;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;
import parley.crypto.ChatId;

/**
 * The attack safety codes exist for (docs/protocol.md section 5), played out: Mallory saw the invite before Bob joined,
 * takes over the invite inbox, welcomes Bob with a key of her own, joins Alice with another, and relays. Both
 * victims can chat "through" her; their safety codes differ, and verifying by the other's code says so.
 */
@ExtendWith(BrokerStackExtension.class)
class ManInTheMiddleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static BrokerStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    private static String topic(InboxId inbox) {
        return "/chats/" + inbox.value() + "/messages";
    }

    private static Msg firstMsg(Rogue inbox, ChatKey key, InboxId on) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (Rogue.Received r : inbox.received()) {
                if (PayloadCodec.open(r.payload(), List.of(key), on) instanceof Opened.Accepted a
                        && a.plaintext() instanceof Msg msg) {
                    return msg;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message arrived on Mallory's inbox");
    }

    @Test
    void aRelayingManInTheMiddleIsRevealedBySafetyCodes() throws Exception {
        Party alice = Party.start("alice", dir.resolve("alice"), stack, Optional.of(stack.mqttsUri()),
                Optional.empty(), Party.fastTimings());
        PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
        Invite seen = InviteLink.parse(invite.link(), java.time.Clock.systemUTC());
        InboxId i = seen.inbox();
        ChatKey k = seen.key();
        alice.close(); // Alice is offline for a moment; her invite inbox's session waits at the broker

        try (Rogue onInviteInbox = Rogue.connect(stack, i.value(), false, topic(i))) {
            // Mallory now holds the invite inbox; Bob's join comes to her
            Party bob = Party.start("bob", dir.resolve("bob"), stack, Optional.of(stack.mqttsUri()), Optional.empty(),
                    Party.fastTimings());
            try {
                ChatId bobChat = bob.service.join(invite.link()).join();
                Join bobsJoin = (Join) ((Opened.Accepted) PayloadCodec.open(
                        onInviteInbox.awaitReceived(1, WAIT).getFirst().payload(), List.of(k), i)).plaintext();

                // Mallory welcomes Bob with a key of her own, from an inbox of her own
                InboxId m1 = InboxId.random();
                EphemeralKeyPair forBob = EphemeralKeyPair.generate();
                ChatKey keyWithBob = forBob.deriveChatKey(bobsJoin.epk(), k);
                try (Rogue asM1 = Rogue.connect(stack, m1.value(), false, topic(m1))) {
                    asM1.publish(topic(bobsJoin.inbox()), PayloadCodec.seal(new Welcome(MessageId.random(),
                            bobsJoin.inbox(), 1, 1, m1, forBob.publicPoint(), Optional.of("alice")), k), false);
                    bob.await(ChatEvent.ChatReady.class, e -> e.chat().equals(bobChat), WAIT);

                    // ... and joins Alice herself, posing as Bob
                    onInviteInbox.close();
                    InboxId m2 = InboxId.random();
                    EphemeralKeyPair forAlice = EphemeralKeyPair.generate();
                    try (Rogue asM2 = Rogue.connect(stack, m2.value(), false, topic(m2))) {
                        asM2.publish(topic(i), PayloadCodec.seal(new Join(MessageId.random(), i, 1, 1, m2,
                                forAlice.publicPoint(), Optional.of("bob")), k), false);
                        Party aliceAgain = Party.start("alice", dir.resolve("alice"), stack,
                                Optional.of(stack.mqttsUri()), Optional.empty(), Party.fastTimings());
                        try {
                            aliceAgain.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
                            Welcome alicesWelcome = (Welcome) ((Opened.Accepted) PayloadCodec.open(
                                    asM2.awaitReceived(1, WAIT).getFirst().payload(), List.of(k), m2)).plaintext();
                            ChatKey keyWithAlice = forAlice.deriveChatKey(alicesWelcome.epk(), k);

                            // Bob writes; Mallory reads it and relays it to Alice under Alice's key
                            bob.service.send(bobChat, "meet at noon").join();
                            Msg fromBob = firstMsg(asM1, keyWithBob, m1); // Bob's ack of the welcome came first
                            asM2.publish(topic(alicesWelcome.inbox()), PayloadCodec.seal(new Msg(fromBob.id(),
                                    alicesWelcome.inbox(), fromBob.seq(), fromBob.ts(), fromBob.text()), keyWithAlice),
                                    false);
                            aliceAgain.awaitReceived(invite.chat(), 1, WAIT);
                            assertThat(aliceAgain.receivedTexts(invite.chat())).containsExactly("meet at noon");

                            // the codes differ, and each side's verification by the other's code fails loudly
                            var aliceCode = aliceAgain.service.safetyCode(invite.chat()).join();
                            var bobCode = bob.service.safetyCode(bobChat).join();
                            assertThat(aliceCode.digits()).isNotEqualTo(bobCode.digits());
                            assertThatThrownBy(() -> bob.service.verify(bobChat, aliceCode.qrText()).join())
                                    .hasCauseInstanceOf(ChatException.class)
                                    .hasMessageContaining("someone may be in the middle");
                            assertThatThrownBy(() -> aliceAgain.service.verify(invite.chat(), bobCode.grouped()).join())
                                    .hasMessageContaining("someone may be in the middle");
                            assertThat(bob.service.chat(bobChat).join().verified()).isFalse();
                            assertThat(aliceAgain.service.chat(invite.chat()).join().verified()).isFalse();
                        } finally {
                            aliceAgain.close();
                        }
                    }
                }
            } finally {
                bob.close();
            }
        }
    }
}
