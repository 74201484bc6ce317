package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.crypto.ChatId;

/** Key epochs (docs/protocol.md section 5) on the in-memory broker and a manual clock. */
class ChatSessionRekeyTest extends ChatLabTest {
    @Test
    void aRekeyAgreesTheNextEpochOnBothSidesAndKeepsTheSafetyCode() {
        ChatId[] chats = lab.connect(alice, bob);
        var code = alice.done(alice.service.safetyCode(chats[0]));
        ChatKey epoch0 = alice.key(chats[0]);
        alice.done(alice.service.rekey(chats[0]));
        assertThat(alice.chat(chats[0]).epoch()).isEqualTo(1);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);
        assertThat(alice.key(chats[0])).isEqualTo(bob.key(chats[1])).isNotEqualTo(epoch0);
        assertThat(alice.done(alice.service.safetyCode(chats[0]))).isEqualTo(code);
        assertThat(alice.record(chats[0]).rekeyOffer).as("the ephemeral key is gone").isEmpty();
    }

    @Test
    void simultaneousRekeysEndInOneEpochWonByTheSmallerPublicKey() {
        ChatId[] chats = lab.connect(alice, bob);
        lab.broker.hold();
        alice.done(alice.service.rekey(chats[0]));
        bob.done(bob.service.rekey(chats[1]));
        var aliceOffer = alice.record(chats[0]).rekeyOffer.orElseThrow();
        var bobOffer = bob.record(chats[1]).rekeyOffer.orElseThrow();
        boolean aliceWins = aliceOffer.epk().compareTo(bobOffer.epk()) < 0;
        lab.broker.release();
        lab.advance(Duration.ofMinutes(2));

        assertThat(alice.chat(chats[0]).epoch()).isEqualTo(1);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);
        assertThat(alice.key(chats[0])).isEqualTo(bob.key(chats[1]));
        ChatLab.Peer winner = aliceWins ? alice : bob;
        ChatId winnersChat = aliceWins ? chats[0] : chats[1];
        assertThat(winner.drops(winnersChat, DropReason.STALE_EPOCH)).as("the losing rekey").isEqualTo(1);
        assertThat(alice.record(chats[0]).rekeyOffer).isEmpty();
        assertThat(bob.record(chats[1]).rekeyOffer).isEmpty();
        alice.send(chats[0], "after the race");
        assertThat(bob.received(chats[1])).containsExactly("after the race");
    }

    @Test
    void aRekeyIsResentOnTheBackOffUntilItsAnswerAndCopiesGetTheSameAnswer() {
        ChatId[] chats = lab.connect(alice, bob);
        InboxId bobInbox = bob.inbox(chats[1]);
        lab.broker.hold();
        int before = lab.broker.publishedTo(bobInbox).size();
        alice.done(alice.service.rekey(chats[0]));
        lab.advance(Duration.ofSeconds(16));
        assertThat(lab.broker.publishedTo(bobInbox)).as("at 0, 5 and 15 s").hasSize(before + 3);
        lab.broker.release();
        assertThat(alice.chat(chats[0]).epoch()).isEqualTo(1);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);
        assertThat(alice.key(chats[0])).isEqualTo(bob.key(chats[1]));
        assertThat(alice.drops(chats[0], DropReason.DUPLICATE)).as("the same rekey-ok twice more").isEqualTo(2);
        int after = lab.broker.publishedTo(bobInbox).size();
        lab.advance(Duration.ofMinutes(5));
        assertThat(lab.broker.publishedTo(bobInbox)).hasSize(after);
    }

    @Test
    void staleAndForeignRekeysAreDroppedAsStaleEpoch() {
        ChatId[] chats = lab.connect(alice, bob);
        ChatKey epoch0 = bob.key(chats[1]);
        alice.done(alice.service.rekey(chats[0]));
        InboxId bobInbox = bob.inbox(chats[1]);
        var epk = EphemeralKeyPair.generate().publicPoint();
        lab.broker.inject(bobInbox, PayloadCodec.seal(new Rekey(MessageId.random(), bobInbox, 900, 1, 1, epk), epoch0),
                false);
        lab.broker.inject(bobInbox, PayloadCodec.seal(new Rekey(MessageId.random(), bobInbox, 901, 1, 5, epk),
                bob.key(chats[1])), false);
        lab.broker.inject(bobInbox, PayloadCodec.seal(new RekeyOk(MessageId.random(), bobInbox, 902, 1, 2, epk),
                bob.key(chats[1])), false);
        assertThat(bob.drops(chats[1], DropReason.STALE_EPOCH)).isEqualTo(3);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);
    }

    @Test
    void anOldKeyStillReadsDuringItsGraceAndIsErasedAfter() {
        ChatId[] chats = lab.connect(alice, bob);
        ChatKey old = alice.key(chats[0]);
        InboxId bobInbox = bob.inbox(chats[1]);
        alice.done(alice.service.rekey(chats[0]));
        alice.send(chats[0], "new epoch from alice"); // starts bob's grace for epoch 0
        bob.send(chats[1], "new epoch from bob");
        lab.advance(Duration.ofMinutes(59));
        lab.broker.inject(bobInbox, PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 500, 1, "late"), old), false);
        assertThat(bob.received(chats[1])).as("within the grace hour").contains("late");

        lab.advance(Duration.ofMinutes(1));
        assertThat(alice.record(chats[0]).receiveKeys()).doesNotContain(old);
        assertThat(bob.record(chats[1]).receiveKeys()).doesNotContain(old);
        lab.broker.inject(bobInbox, PayloadCodec.seal(new Msg(MessageId.random(), bobInbox, 501, 1, "recorded"), old),
                false);
        assertThat(bob.received(chats[1])).doesNotContain("recorded");
        assertThat(bob.drops(chats[1], DropReason.BAD_MAC)).isEqualTo(1);
    }

    @Test
    void aRekeyStartsByItselfAfterTheMessageLimitOrTheEpochsAge() {
        var carol = lab.peer("carol", ChatTimings.standard().withRekey(5, Duration.ofDays(7), Duration.ofHours(1)));
        ChatId[] chats = lab.connect(carol, bob);
        for (int i = 0; i < 4; i++) {
            carol.send(chats[0], "m" + i);
        }
        assertThat(carol.chat(chats[0]).epoch()).isZero();
        carol.send(chats[0], "m4");
        assertThat(carol.chat(chats[0]).epoch()).isEqualTo(1);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);

        lab.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(1);
        lab.advance(Duration.ofMinutes(1));
        assertThat(carol.chat(chats[0]).epoch()).as("a week-old epoch").isEqualTo(2);
        assertThat(bob.chat(chats[1]).epoch()).isEqualTo(2);
        assertThat(bob.received(chats[1])).hasSize(5);
    }
}
