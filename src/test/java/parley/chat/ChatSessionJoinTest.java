package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.Join;
import parley.protocol.PayloadCodec;
import parley.protocol.Welcome;
import parley.crypto.ChatId;

/** The join handshake (docs/protocol.md section 4) on the in-memory broker and a manual clock. */
class ChatSessionJoinTest extends ChatLabTest {
    @Test
    void inviteAndJoinAgreeOneKeyAndCodeOnFreshInboxesAndRetireTheInviteInbox() {
        PendingInvite invite = alice.invite();
        InboxId inviteInbox = alice.inbox(invite.chat());
        ChatId bobChat = bob.join(invite);
        lab.time.runDue();

        assertThat(alice.events(ChatEvent.ChatReady.class)).hasSize(1);
        assertThat(bob.events(ChatEvent.ChatReady.class)).hasSize(1);
        assertThat(alice.key(invite.chat())).isEqualTo(bob.key(bobChat));
        assertThat(alice.done(alice.service.safetyCode(invite.chat())))
                .isEqualTo(bob.done(bob.service.safetyCode(bobChat)));
        assertThat(alice.chat(invite.chat()).name()).isEqualTo("bob");
        assertThat(bob.chat(bobChat).name()).isEqualTo("alice");
        assertThat(alice.inbox(invite.chat())).as("the chat inbox is not the one in the QR").isNotEqualTo(inviteInbox);
        assertThat(lab.broker.retired()).containsExactly(inviteInbox);
        assertThat(alice.record(invite.chat()).retiring).isEmpty();
        assertThat(bob.record(bobChat).ephemeralPrivate).as("the joiner's ephemeral key is erased").isEmpty();
    }

    @Test
    void aJoinSentWhileTheInviterIsAwayIsResentOnTheBackOffAndTakenOnce() {
        PendingInvite invite = alice.invite();
        InboxId inviteInbox = alice.inbox(invite.chat());
        lab.broker.hold();
        ChatId bobChat = bob.join(invite);
        lab.advance(Duration.ofSeconds(200));

        List<Instant> joins = lab.broker.publishedAt(inviteInbox);
        Instant t = ChatLab.START;
        assertThat(joins).as("5 s, then doubling to the 60 s cap").containsExactly(t, t.plusSeconds(5),
                t.plusSeconds(15), t.plusSeconds(35), t.plusSeconds(75), t.plusSeconds(135), t.plusSeconds(195));
        assertThat(bob.events(ChatEvent.JoinUnanswered.class)).as("told after 30 s, and still trying").hasSize(1);

        lab.broker.release();
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(alice.events(ChatEvent.ChatReady.class)).hasSize(1);
        assertThat(bob.events(ChatEvent.ChatReady.class)).hasSize(1);
        int afterReady = lab.broker.publishedTo(inviteInbox).size();
        lab.advance(Duration.ofMinutes(10));
        assertThat(lab.broker.publishedTo(inviteInbox)).as("no join once the welcome came").hasSize(afterReady);
    }

    @Test
    void theWelcomeIsResentUntilTheJoinerUsesTheChatKeyAndItsCopiesAreDroppedAndAckedAgain() {
        PendingInvite invite = alice.invite();
        lab.broker.hold();
        ChatId bobChat = bob.join(invite);
        InboxId bobInbox = bob.inbox(bobChat);
        lab.broker.deliver(alice.inbox(invite.chat())); // the join goes in; the welcome waits on the broker
        lab.advance(Duration.ofSeconds(5));
        List<Welcome> welcomes = alice.sentTo(invite.chat(), bobInbox).stream()
                .filter(Welcome.class::isInstance).map(Welcome.class::cast).toList();
        assertThat(welcomes).hasSize(2);
        assertThat(welcomes.get(1)).as("a copy is the same welcome").isEqualTo(welcomes.get(0));

        lab.broker.release();
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(bob.drops(bobChat, DropReason.DUPLICATE)).isEqualTo(1);
        lab.advance(Duration.ofMillis(200)); // the ack batch
        assertThat(alice.record(invite.chat()).handshakeConfirmed).isTrue();
        int sent = alice.sentTo(invite.chat(), bobInbox).size();
        lab.advance(Duration.ofMinutes(5));
        assertThat(alice.sentTo(invite.chat(), bobInbox)).as("no welcome once it was acknowledged").hasSize(sent);
    }

    @Test
    void aSecondJoinOfTheSameInviteGetsNothingAndTheChatGoesOn() {
        var mallory = lab.peer("mallory");
        PendingInvite invite = alice.invite();
        ChatId bobChat = bob.join(invite);
        lab.time.runDue();
        ChatId malloryChat = mallory.join(invite); // a photo of the QR
        lab.advance(Duration.ofMinutes(5));

        assertThat(mallory.events(ChatEvent.ChatReady.class)).isEmpty();
        assertThat(mallory.events(ChatEvent.JoinUnanswered.class)).hasSize(1);
        assertThat(mallory.chat(malloryChat).phase()).isEqualTo(ChatPhase.JOINING);
        assertThat(alice.done(alice.service.chats())).hasSize(1);
        assertThat(alice.done(alice.service.drops(invite.chat()))).isEmpty();
        bob.send(bobChat, "undisturbed");
        assertThat(alice.received(invite.chat())).containsExactly("undisturbed");
    }

    @Test
    void twoJoinsQueuedAtOnceAcceptTheFirstOnly() {
        var mallory = lab.peer("mallory");
        PendingInvite invite = alice.invite();
        lab.broker.hold();
        ChatId bobChat = bob.join(invite);
        ChatId malloryChat = mallory.join(invite);
        lab.broker.release();
        lab.advance(Duration.ofMinutes(2));

        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(mallory.chat(malloryChat).phase()).isEqualTo(ChatPhase.JOINING);
        assertThat(alice.done(alice.service.chats())).hasSize(1);
        assertThat(alice.key(invite.chat())).isEqualTo(bob.key(bobChat));
    }

    @Test
    void aJoinReplayedIntoTheChatInboxIsNotTakenAgain() {
        PendingInvite invite = alice.invite();
        InboxId inviteInbox = alice.inbox(invite.chat());
        ChatId bobChat = bob.join(invite);
        lab.time.runDue();
        byte[] join = lab.broker.publishedTo(inviteInbox).getFirst().payload();
        // the replayed join names the invite inbox, so it is not for the chat inbox
        lab.broker.inject(alice.inbox(invite.chat()), join, false);
        assertThat(alice.drops(invite.chat(), DropReason.WRONG_RECIPIENT)).isEqualTo(1);
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(alice.key(invite.chat())).isEqualTo(bob.key(bobChat));
    }

    @Test
    void anInviteNobodyAnswersExpiresAndIsRemoved() {
        PendingInvite invite = alice.invite(Duration.ofMinutes(10));
        InboxId inviteInbox = alice.inbox(invite.chat());
        lab.advance(Duration.ofMinutes(9));
        assertThat(alice.done(alice.service.chats())).hasSize(1);
        lab.advance(Duration.ofMinutes(1));
        assertThat(alice.done(alice.service.chats())).isEmpty();
        assertThat(alice.events(ChatEvent.ChatRemoved.class)).extracting(ChatEvent.ChatRemoved::why)
                .containsExactly("the invite expired");
        assertThat(lab.broker.retired()).containsExactly(inviteInbox);
    }

    @Test
    void theInviterSaysReadyOnlyOnceTheBrokerTookTheWelcome() {
        PendingInvite invite = alice.invite();
        lab.broker.hold(); // bob's join waits on the broker
        ChatId bobChat = bob.join(invite);
        lab.broker.goDown();
        lab.broker.release();
        lab.broker.comeBack(); // alice takes the join, accepts it, and her chat inbox's connection comes up
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(alice.events(ChatEvent.ChatReady.class)).hasSize(1);
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(bob.sentTo(bobChat, alice.inbox(invite.chat())))
                .noneMatch(p -> p instanceof Join); // nothing under the invite key goes to the chat inbox
    }

    // ---- the invite's lifetime (docs/protocol.md section 4, step 7) ----

    @Test
    void theJoinerSendsNoJoinAtOrAfterTheInvitesExpiryAndTheChatExpiresWithItsEphemeralKeyErased() {
        PendingInvite invite = alice.invite(Duration.ofMinutes(10));
        InboxId inviteInbox = alice.inbox(invite.chat());
        lab.broker.hold(); // the inviter never sees the join
        ChatId bobChat = bob.join(invite);
        lab.advance(Duration.ofMinutes(14));

        List<Instant> joins = lab.broker.publishedAt(inviteInbox);
        assertThat(joins).as("re-sent on the back-off while the invite holds").hasSizeGreaterThan(5)
                .allMatch(at -> at.isBefore(invite.expires()));
        assertThat(bob.chat(bobChat).phase()).as("still waiting: a welcome may come until 5 min after the expiry")
                .isEqualTo(ChatPhase.JOINING);
        assertThat(bob.record(bobChat).ephemeralPrivate).isPresent();

        lab.advance(Duration.ofMinutes(1)); // expiry + the 5 min clock skew allowance
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.EXPIRED);
        assertThat(bob.record(bobChat).ephemeralPrivate).as("the ephemeral key is erased").isEmpty();
        assertThat(bob.events(ChatEvent.ChatChanged.class)).as("the user is told")
                .anyMatch(e -> e.chat().equals(bobChat) && e.snapshot().phase() == ChatPhase.EXPIRED);
        lab.advance(Duration.ofHours(1));
        assertThat(lab.broker.publishedTo(inviteInbox)).as("no join after the expiry").hasSize(joins.size());
        assertThat(lab.time.nextDue()).as("no re-send timer left for the join").isEmpty();
    }

    @Test
    void aWelcomeArrivingAfterTheExpiryAndItsSkewIsDroppedAsExpiredAndNeverAgreesAKey() {
        PendingInvite invite = alice.invite(Duration.ofMinutes(10));
        lab.broker.hold();
        ChatId bobChat = bob.join(invite);
        lab.broker.deliver(alice.inbox(invite.chat())); // alice takes the join in time; her welcome waits
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        lab.advance(Duration.ofMinutes(16));
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.EXPIRED);

        lab.broker.release(); // the welcome (and its copies) arrive late
        assertThat(bob.drops(bobChat, DropReason.EXPIRED)).isGreaterThanOrEqualTo(1);
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.EXPIRED);
        assertThat(bob.record(bobChat).epochs).as("no chat key from a late welcome").isEmpty();
        assertThat(bob.events(ChatEvent.ChatReady.class)).isEmpty();
        assertThat(bob.service.send(bobChat, "hello")).isCompletedExceptionally();
    }

    @Test
    void aWelcomeNamingTheJoinersOwnInboxOrTheInviteInboxIsDroppedAndTheRealWelcomeStillCompletes() {
        PendingInvite invite = alice.invite();
        InboxId inviteInbox = alice.inbox(invite.chat());
        ChatKey inviteKey = alice.record(invite.chat()).inviteKey;
        lab.broker.hold();
        ChatId bobChat = bob.join(invite);
        InboxId bobInbox = bob.inbox(bobChat);

        // whoever photographed the QR holds the invite key, and names an inbox that is not a new chat inbox
        for (InboxId named : List.of(bobInbox, inviteInbox)) {
            Welcome hostile = new Welcome(MessageId.random(), bobInbox, 1, lab.time.millis(), named,
                    EphemeralKeyPair.generate().publicPoint(), Optional.of("mallory"));
            lab.broker.inject(bobInbox, PayloadCodec.seal(hostile, inviteKey), false);
        }
        lab.broker.deliver(bobInbox); // the hostile welcomes come first
        assertThat(bob.drops(bobChat, DropReason.WRONG_INBOX)).isEqualTo(2);
        assertThat(bob.chat(bobChat).phase()).as("the join stays pending").isEqualTo(ChatPhase.JOINING);
        assertThat(bob.record(bobChat).ephemeralPrivate).as("the ephemeral key is untouched").isPresent();

        lab.broker.release(); // the join reaches alice, and her welcome reaches bob
        assertThat(bob.chat(bobChat).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(bob.key(bobChat)).isEqualTo(alice.key(invite.chat()));
        assertThat(bob.chat(bobChat).name()).isEqualTo("alice");
    }

    @Test
    void aJoinNamingTheInviteInboxIsDroppedAndTheInviteStillTakesARealJoin() {
        PendingInvite invite = alice.invite();
        InboxId inviteInbox = alice.inbox(invite.chat());
        ChatKey inviteKey = alice.record(invite.chat()).inviteKey;
        Join hostile = new Join(MessageId.random(), inviteInbox, 1, lab.time.millis(), inviteInbox,
                EphemeralKeyPair.generate().publicPoint(), Optional.of("mallory"));
        lab.broker.inject(inviteInbox, PayloadCodec.seal(hostile, inviteKey), false);
        assertThat(alice.drops(invite.chat(), DropReason.WRONG_INBOX)).isEqualTo(1);
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.INVITED);

        ChatId bobChat = bob.join(invite);
        lab.time.runDue();
        assertThat(alice.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(alice.key(invite.chat())).isEqualTo(bob.key(bobChat));
    }

    @Test
    void anInviteIsLiveOnlyOnceItsInboxIsSubscribed() {
        lab.broker.goDown();
        PendingInvite invite = alice.invite();
        assertThat(invite.live()).isFalse();
        assertThat(alice.done(alice.service.pendingInvite(invite.chat())).live()).isFalse();
        assertThat(alice.events(ChatEvent.InviteLive.class)).isEmpty();

        lab.broker.comeBack();
        assertThat(alice.events(ChatEvent.InviteLive.class)).singleElement().satisfies(e -> {
            assertThat(e.chat()).isEqualTo(invite.chat());
            assertThat(e.invite().live()).isTrue();
            assertThat(e.invite().link()).isEqualTo(invite.link());
        });
        assertThat(alice.done(alice.service.pendingInvite(invite.chat())).live()).isTrue();

        lab.broker.goDown();
        lab.broker.comeBack();
        assertThat(alice.events(ChatEvent.InviteLive.class)).as("live once, not on every reconnect").hasSize(1);
    }
}
