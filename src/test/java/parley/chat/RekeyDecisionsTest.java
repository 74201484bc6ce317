package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.crypto.ChatId;

/** Every case of the pure rekey decisions, as web/test does for rekey.js. */
class RekeyDecisionsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final ChatKey k0 = ChatKey.random();
    private final ChatRecord record = active(k0);

    private static ChatRecord active(ChatKey key) {
        ChatRecord r = new ChatRecord(ChatId.random(), true, T0);
        r.phase = ChatPhase.ACTIVE;
        r.ownInbox = InboxId.random();
        r.epochs.add(new EpochKey(0, key, T0, Optional.empty()));
        return r;
    }

    private static Rekey rekey(long epoch, PublicPoint epk) {
        return new Rekey(MessageId.random(), InboxId.random(), 7, 1, epoch, epk);
    }

    private static PublicPoint epk() {
        return EphemeralKeyPair.generate().publicPoint();
    }

    private void ourOffer(PublicPoint epk) {
        record.rekeyOffer = Optional.of(new RekeyOffer(MessageId.random(), 3, 1, 1, epk, new byte[32]));
    }

    @Test
    void theNextEpochUnderTheCurrentKeyIsAnswered() {
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(1, epk()), k0)).isEqualTo(RekeyDecisions.RekeyVerdict.ANSWER);
    }

    @Test
    void anotherEpochOrAnotherKeyIsStale() {
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(2, epk()), k0)).isEqualTo(RekeyDecisions.RekeyVerdict.STALE);
        RekeyDecisions.addEpoch(record, 1, ChatKey.random(), T0);
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(1, epk()), k0)).as("an epoch we have")
                .isEqualTo(RekeyDecisions.RekeyVerdict.STALE);
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(1, epk()), ChatKey.random()))
                .isEqualTo(RekeyDecisions.RekeyVerdict.STALE);
    }

    @Test
    void aCopyOfTheRekeyWeAnsweredGetsTheSameAnswer() {
        Rekey theirs = rekey(1, epk());
        record.rekeyAnswer = Optional.of(new RekeyAnswer(theirs.id(), MessageId.random(), 4, 1, 1, epk()));
        record.epochs.add(new EpochKey(1, ChatKey.random(), T0, Optional.empty()));
        assertThat(RekeyDecisions.rekeyVerdict(record, theirs, k0)).isEqualTo(RekeyDecisions.RekeyVerdict.REPEAT);
    }

    @Test
    void simultaneousRekeysAreWonByTheSmallerPublicKey() {
        PublicPoint a = epk();
        PublicPoint b = epk();
        PublicPoint smaller = a.compareTo(b) < 0 ? a : b;
        PublicPoint larger = smaller == a ? b : a;
        ourOffer(smaller);
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(1, larger), k0)).isEqualTo(RekeyDecisions.RekeyVerdict.STALE);
        ourOffer(larger);
        assertThat(RekeyDecisions.rekeyVerdict(record, rekey(1, smaller), k0))
                .isEqualTo(RekeyDecisions.RekeyVerdict.ANSWER_ABANDONING_OWN);
    }

    @Test
    void aRekeyOkSwitchesOnlyForOurPendingEpochUnderTheCurrentKey() {
        RekeyOk ok = new RekeyOk(MessageId.random(), InboxId.random(), 5, 1, 1, epk());
        assertThat(RekeyDecisions.rekeyOkVerdict(record, ok, k0)).isEqualTo(RekeyDecisions.RekeyOkVerdict.STALE);
        ourOffer(epk());
        assertThat(RekeyDecisions.rekeyOkVerdict(record, ok, ChatKey.random()))
                .isEqualTo(RekeyDecisions.RekeyOkVerdict.STALE);
        assertThat(RekeyDecisions.rekeyOkVerdict(record, ok, k0)).isEqualTo(RekeyDecisions.RekeyOkVerdict.SWITCH);
        record.rekeyOffer = Optional.empty();
        record.rekeyOkTaken = Optional.of(ok.id());
        assertThat(RekeyDecisions.rekeyOkVerdict(record, ok, k0)).isEqualTo(RekeyDecisions.RekeyOkVerdict.DUPLICATE);
    }

    @Test
    void theGraceStartsOnceWhenThePeerUsesTheNewerKeyAndErasureDropsTheAnswerWithItsKey() {
        ChatKey k1 = ChatKey.random();
        RekeyDecisions.addEpoch(record, 1, k1, T0.plusSeconds(10));
        record.rekeyAnswer = Optional.of(new RekeyAnswer(MessageId.random(), MessageId.random(), 4, 1, 1, epk()));
        Instant eraseAt = T0.plus(Duration.ofHours(1));
        assertThat(RekeyDecisions.startGrace(record, k0, eraseAt)).as("the old key proves nothing").isFalse();
        assertThat(RekeyDecisions.startGrace(record, k1, eraseAt)).isTrue();
        assertThat(RekeyDecisions.startGrace(record, k1, eraseAt.plusSeconds(5))).as("started once").isFalse();
        assertThat(RekeyDecisions.nextKeyEvent(record, ChatTimings.standard())).isEqualTo(eraseAt);
        assertThat(RekeyDecisions.eraseDueKeys(record, eraseAt.minusMillis(1))).isFalse();
        assertThat(RekeyDecisions.eraseDueKeys(record, eraseAt)).isTrue();
        assertThat(record.receiveKeys()).containsExactly(k1);
        assertThat(record.rekeyAnswer).isEmpty();
    }

    @Test
    void aRekeyIsDueAfterTheMessageLimitOrTheEpochsAgeAndNeverTwice() {
        ChatTimings t = ChatTimings.standard().withRekey(3, Duration.ofDays(7), Duration.ofHours(1));
        assertThat(RekeyDecisions.rekeyDue(record, T0, t)).isFalse();
        record.sentSinceRekey = 3;
        assertThat(RekeyDecisions.rekeyDue(record, T0, t)).isTrue();
        record.sentSinceRekey = 0;
        assertThat(RekeyDecisions.rekeyDue(record, T0.plus(Duration.ofDays(7)), t)).isTrue();
        ourOffer(epk());
        assertThat(RekeyDecisions.rekeyDue(record, T0.plus(Duration.ofDays(8)), t)).isFalse();
    }
}
