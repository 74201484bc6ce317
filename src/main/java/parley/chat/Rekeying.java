package parley.chat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;

/**
 * Key epochs (docs/protocol.md section 5): our rekey and its re-sends, the answer to the peer's, the switch to the
 * next key, the grace and erasure of replaced keys, and the automatic rekey. The decisions are
 * {@link RekeyDecisions}'; this carries them out.
 */
final class Rekeying {
    private static final System.Logger LOG = System.getLogger(Rekeying.class.getName());

    private final SessionState s;
    private Scheduler.Scheduled keyTimer;
    /** Responder: our rekey-ok has not been taken by the broker yet. */
    private boolean answerUnsent;

    Rekeying(SessionState state) {
        this.s = state;
    }

    /** Starts a rekey now, unless one of ours is already under way. */
    void start() {
        ChatRecord r = s.record;
        if (r.phase != ChatPhase.ACTIVE) {
            throw new ChatException(ChatException.Problem.NOT_READY, "keys can be refreshed once the chat is agreed");
        }
        if (r.rekeyOffer.isPresent()) {
            return;
        }
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        RekeyOffer offer;
        try {
            offer = new RekeyOffer(MessageId.random(), r.nextSeq(), s.ctx.clock().millis(),
                    r.currentEpoch().orElseThrow().epoch() + 1, pair.publicPoint(), pair.privateKeyBytes());
        } finally {
            pair.destroy();
        }
        r.rekeyOffer = Optional.of(offer);
        s.persist();
        LOG.log(Level.INFO, "chat {0}: refreshing keys to epoch {1}", r.id, offer.epoch());
        sendOffer();
    }

    /** The automatic rekey: after {@code rekeyAfterMessages} sent, or when the current epoch is too old. */
    void startIfDue() {
        if (!s.deleted() && RekeyDecisions.rekeyDue(s.record, s.ctx.clock().instant(), s.ctx.timings())) {
            start();
        }
    }

    /** Our rekey, identical each time, under the current key; re-sent by the outbox until its rekey-ok. */
    void sendOffer() {
        RekeyOffer offer = s.record.rekeyOffer.orElseThrow();
        s.outbox.sending(Outbox.REKEY);
        if (s.link.online()) {
            var to = s.record.peerInbox.orElseThrow();
            s.link.publish(to, new Rekey(offer.id(), to, offer.seq(), offer.ts(), offer.epoch(), offer.epk()),
                    s.currentKey());
        }
    }

    boolean offerOutstanding() {
        return s.record.rekeyOffer.isPresent();
    }

    void rekeyArrived(Rekey rekey, ChatKey key) {
        ChatRecord r = s.record;
        switch (RekeyDecisions.rekeyVerdict(r, rekey, key)) {
            case REPEAT -> sendAnswer(r.rekeyAnswer.orElseThrow(), key); // the same answer, so both sides agree
            case STALE -> s.drop(DropReason.STALE_EPOCH);
            case ANSWER_ABANDONING_OWN -> {
                r.rekeyOffer.orElseThrow().erase();
                r.rekeyOffer = Optional.empty();
                s.outbox.done(Outbox.REKEY);
                answer(rekey, key);
            }
            case ANSWER -> answer(rekey, key);
        }
    }

    private void answer(Rekey rekey, ChatKey key) {
        Instant now = s.ctx.clock().instant();
        FreshAgreement agreed = FreshAgreement.with(rekey.epk(), key);
        RekeyAnswer answer = new RekeyAnswer(rekey.id(), MessageId.random(), s.record.nextSeq(), now.toEpochMilli(),
                rekey.epoch(), agreed.ownPublic());
        s.record.rekeyAnswer = Optional.of(answer);
        switchTo(rekey.epoch(), agreed.key(), now);
        sendAnswer(answer, key);
    }

    /**
     * The rekey-ok goes out under the key the rekey came under, before anything under the new key. A rekey can
     * arrive from the broker's queue a moment before the connection reports itself up: if the publish is refused
     * then, the answer goes out on the next connect.
     */
    private void sendAnswer(RekeyAnswer answer, ChatKey underKey) {
        answerUnsent = true;
        var to = s.record.peerInbox.orElseThrow();
        s.link.publish(to, new RekeyOk(answer.id(), to, answer.seq(), answer.ts(), answer.epoch(), answer.epk()), underKey)
                .whenCompleteAsync((done, failure) -> {
                    if (failure == null && s.record.rekeyAnswer.equals(Optional.of(answer))) {
                        answerUnsent = false;
                    }
                }, s.ctx.scheduler());
    }

    /** After a connect: an answer that could not go out before goes now, under the key its rekey came under. */
    void sendUnsentAnswer() {
        if (!answerUnsent || s.record.rekeyAnswer.isEmpty()) {
            return;
        }
        RekeyAnswer answer = s.record.rekeyAnswer.get();
        s.record.epochs.stream().filter(e -> e.epoch() == answer.epoch() - 1).findFirst()
                .ifPresent(previous -> sendAnswer(answer, previous.key()));
    }

    void rekeyOkArrived(RekeyOk ok, ChatKey key) {
        ChatRecord r = s.record;
        switch (RekeyDecisions.rekeyOkVerdict(r, ok, key)) {
            case SWITCH -> {
                RekeyOffer offer = r.rekeyOffer.orElseThrow();
                EphemeralKeyPair pair = EphemeralKeyPair.restore(offer.privateKey(), offer.epk());
                ChatKey next;
                try {
                    next = pair.deriveChatKey(ok.epk(), key);
                } finally {
                    pair.destroy();
                    offer.erase();
                }
                r.rekeyOffer = Optional.empty();
                r.rekeyOkTaken = Optional.of(ok.id());
                s.outbox.done(Outbox.REKEY);
                switchTo(ok.epoch(), next, s.ctx.clock().instant());
            }
            case DUPLICATE -> s.drop(DropReason.DUPLICATE);
            case STALE -> s.drop(DropReason.STALE_EPOCH);
        }
    }

    /** Sends under the new epoch key from now on; unacked messages are re-sealed under it when re-sent. */
    private void switchTo(long epoch, ChatKey key, Instant now) {
        RekeyDecisions.addEpoch(s.record, epoch, key, now);
        s.persist();
        LOG.log(Level.INFO, "chat {0}: keys refreshed, now epoch {1}", s.record.id, epoch);
        armKeyTimer();
        s.changed();
    }

    /** The peer sent under {@code key}: older keys start their grace (step 4), after which they are erased. */
    void peerUsedKey(ChatKey key) {
        if (RekeyDecisions.startGrace(s.record, key, s.ctx.clock().instant().plus(s.ctx.timings().oldKeyGrace()))) {
            s.persist();
            armKeyTimer();
        }
    }

    /** Erases replaced keys whose grace has passed, from memory and the profile. */
    private void eraseOldKeys() {
        if (RekeyDecisions.eraseDueKeys(s.record, s.ctx.clock().instant())) {
            s.persist();
            s.ctx.store().forgetReplacedData(); // the old key must not linger in superseded database pages
            LOG.log(Level.INFO, "chat {0}: erased replaced keys", s.record.id);
        }
        startIfDue();
    }

    /** One timer for the next key event: an old key's erasure or the epoch's age limit. */
    void armKeyTimer() {
        cancel();
        if (s.record.phase != ChatPhase.ACTIVE || s.deleted()) {
            return;
        }
        Instant next = RekeyDecisions.nextKeyEvent(s.record, s.ctx.timings());
        keyTimer = s.ctx.scheduler().schedule(() -> {
            keyTimer = null;
            if (!s.deleted()) {
                eraseOldKeys();
                armKeyTimer();
            }
        }, Duration.between(s.ctx.clock().instant(), next));
    }

    void cancel() {
        if (keyTimer != null) {
            keyTimer.cancel();
            keyTimer = null;
        }
    }
}
