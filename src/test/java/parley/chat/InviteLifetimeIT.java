package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
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
import parley.protocol.DropReason;
import parley.protocol.Join;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Welcome;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.Rogue;
import parley.testing.StrictJoiner;
import parley.crypto.ChatId;

/**
 * An invite's lifetime, played against a Mallory who holds the invite's QR code and connects as its inbox
 * (docs/protocol.md section 4, step 7): the joiner stops re-sending at the expiry and drops her late welcome;
 * a welcome naming the joiner's own inbox is refused without costing the join; and an invite is live (a join sent
 * once, at that moment, is answered) only once its inbox exists at the broker.
 */
@ExtendWith(BrokerStackExtension.class)
class InviteLifetimeIT {
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

    private Party party(String name, ChatTimings timings) {
        return Party.start(name, dir.resolve(name), stack, Optional.of(stack.mqttsUri()), Optional.empty(), timings);
    }

    private static List<Join> joins(Rogue inbox, ChatKey k, InboxId on) {
        return inbox.received().stream()
                .map(r -> PayloadCodec.open(r.payload(), List.of(k), on))
                .filter(o -> o instanceof Opened.Accepted a && a.plaintext() instanceof Join)
                .map(o -> (Join) ((Opened.Accepted) o).plaintext())
                .toList();
    }

    private static Join firstJoin(Rogue inbox, ChatKey k, InboxId on) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            List<Join> seen = joins(inbox, k, on);
            if (!seen.isEmpty()) {
                return seen.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no join arrived on the invite inbox");
    }

    private static Welcome welcome(InboxId to, InboxId naming) {
        return new Welcome(MessageId.random(), to, 1, System.currentTimeMillis(), naming,
                EphemeralKeyPair.generate().publicPoint(), Optional.of("alice"));
    }

    private static ChatPhase awaitPhase(Party p, ChatId chat, ChatPhase phase) {
        long end = System.nanoTime() + WAIT.toNanos();
        ChatPhase now = null;
        while (System.nanoTime() < end) {
            now = p.service.chat(chat).join().phase();
            if (now == phase) {
                return now;
            }
            Party.sleep(20);
        }
        throw new AssertionError(p + "'s chat is " + now + ", not " + phase + ", after " + WAIT);
    }

    @Test
    void afterTheExpiryTheJoinIsNotResentAndALateWelcomeIsDropped() throws Exception {
        Party alice = party("alice", Party.fastTimings());
        PendingInvite invite = alice.service.createInvite(Optional.of(Duration.ofSeconds(5))).join();
        Invite seen = InviteLink.parse(invite.link(), Clock.systemUTC());
        alice.close(); // the invite inbox's session waits at the broker, and Mallory, who has the QR code, takes it

        try (Rogue mallory = Rogue.connect(stack, seen.inbox().value(), false, topic(seen.inbox()));
             Party bob = party("bob", Party.fastTimings().withClockSkew(Duration.ofSeconds(1)))) {
            ChatId chat = bob.service.join(invite.link()).join();
            Join join = firstJoin(mallory, seen.key(), seen.inbox());

            awaitPhase(bob, chat, ChatPhase.EXPIRED);
            assertThat(bob.service.call(() -> bob.service.session(chat).record.ephemeralPrivate).join())
                    .as("the join's private key is erased when the invite expires").isEmpty();
            int joinsAtExpiry = joins(mallory, seen.key(), seen.inbox()).size();
            // absence can only be watched for a while: longer than the re-send cap (3 s), which kept joins coming
            Thread.sleep(Party.fastTimings().resendMax().plusSeconds(2).toMillis());
            assertThat(joins(mallory, seen.key(), seen.inbox())).as("joins after the expiry").hasSize(joinsAtExpiry);

            // Mallory welcomes Bob as if she were Alice, too late
            mallory.publish(topic(join.inbox()), PayloadCodec.seal(welcome(join.inbox(), InboxId.random()),
                    seen.key()), false);
            bob.await(ChatEvent.PayloadDropped.class, d -> d.chat().equals(chat) && d.reason() == DropReason.EXPIRED,
                    WAIT);
            assertThat(bob.service.drops(chat).join()).containsEntry(DropReason.EXPIRED, 1L);
            assertThat(bob.service.chat(chat).join().phase()).isEqualTo(ChatPhase.EXPIRED);
            assertThat(bob.events).noneMatch(e -> e instanceof ChatEvent.ChatReady);
        }
    }

    @Test
    void aWelcomeNamingTheJoinersOwnInboxIsRefusedAndTheRealWelcomeStillWorks() throws Exception {
        Party alice = party("alice", Party.fastTimings());
        PendingInvite invite = alice.service.createInvite(Optional.empty()).join();
        Invite seen = InviteLink.parse(invite.link(), Clock.systemUTC());
        alice.close();

        try (Party bob = party("bob", Party.fastTimings())) {
            ChatId chat;
            try (Rogue mallory = Rogue.connect(stack, seen.inbox().value(), false, topic(seen.inbox()))) {
                chat = bob.service.join(invite.link()).join();
                Join join = firstJoin(mallory, seen.key(), seen.inbox());
                for (InboxId hostile : List.of(join.inbox(), seen.inbox())) { // Bob's own inbox, the invite inbox
                    mallory.publish(topic(join.inbox()), PayloadCodec.seal(welcome(join.inbox(), hostile),
                            seen.key()), false);
                }
                long end = System.nanoTime() + WAIT.toNanos();
                while (bob.service.drops(chat).join().getOrDefault(DropReason.WRONG_INBOX, 0L) < 2
                        && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertThat(bob.service.drops(chat).join()).containsEntry(DropReason.WRONG_INBOX, 2L);
                assertThat(bob.service.chat(chat).join().phase()).isEqualTo(ChatPhase.JOINING);
            }

            // Alice comes back: Bob's re-sent join reaches her, and her welcome still completes the join
            try (Party aliceAgain = party("alice", Party.fastTimings())) {
                bob.await(ChatEvent.ChatReady.class, e -> e.chat().equals(chat), WAIT);
                aliceAgain.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
                bob.service.send(chat, "it worked").join();
                aliceAgain.awaitReceived(invite.chat(), 1, WAIT);
                assertThat(aliceAgain.receivedTexts(invite.chat())).containsExactly("it worked");
            }
        }
    }

    @Test
    void aJoinSentOnceTheMomentTheInviteIsLiveIsAnswered() throws Exception {
        try (Party alice = party("alice", Party.fastTimings());
             StrictJoiner strict = StrictJoiner.connect(stack)) {
            PendingInvite created = alice.service.createInvite(Optional.empty()).join();
            PendingInvite invite = created.live() ? created
                    : alice.await(ChatEvent.InviteLive.class, e -> e.chat().equals(created.chat()), WAIT).invite();
            assertThat(invite.live()).isTrue();
            strict.joinOnce(invite.link(), "strict");
            Welcome welcome = strict.awaitWelcome(WAIT);
            alice.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
            assertThat(strict.chatKey(welcome)).isEqualTo(alice.chatKey(invite.chat()));
        }
    }
}
