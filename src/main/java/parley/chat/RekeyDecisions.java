package parley.chat;

import java.time.Instant;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;

/**
 * The rekeying decisions of docs/protocol.md section 5, free of I/O, with the names the browser uses for the same
 * decisions (web/src/js/rekey.js): both sides decide alike, and a test walks every case without a broker.
 */
final class RekeyDecisions {
    private RekeyDecisions() {}

    /** What to do with an authenticated {@code rekey}. */
    enum RekeyVerdict {
        /** a copy of the rekey we answered: the same rekey-ok again, under the key it came under */
        REPEAT,
        /** another epoch, not under the current key, or a simultaneous rekey that ours wins: {@code stale-epoch} */
        STALE,
        /** derive the next key and answer */
        ANSWER,
        /** both started and theirs wins (the smaller public key): abandon ours, then answer */
        ANSWER_ABANDONING_OWN
    }

    /** What to do with an authenticated {@code rekey-ok}. */
    enum RekeyOkVerdict {
        /** it answers our pending rekey, under the current key */
        SWITCH,
        /** a copy of one we took */
        DUPLICATE,
        /** anything else: {@code stale-epoch} */
        STALE
    }

    static RekeyVerdict rekeyVerdict(ChatRecord record, Rekey rekey, ChatKey key) {
        if (record.rekeyAnswer.map(a -> a.rekeyId().equals(rekey.id())).orElse(false)) {
            return RekeyVerdict.REPEAT;
        }
        EpochKey current = record.currentEpoch().orElseThrow();
        if (rekey.epoch() != current.epoch() + 1 || !key.equals(current.key())) {
            return RekeyVerdict.STALE;
        }
        Optional<RekeyOffer> ours = record.rekeyOffer;
        if (ours.isPresent() && ours.get().epoch() == rekey.epoch()) {
            // both started: the smaller public key wins (ordinal order of the base64url text)
            return ours.get().epk().compareTo(rekey.epk()) < 0 ? RekeyVerdict.STALE : RekeyVerdict.ANSWER_ABANDONING_OWN;
        }
        return RekeyVerdict.ANSWER;
    }

    static RekeyOkVerdict rekeyOkVerdict(ChatRecord record, RekeyOk ok, ChatKey key) {
        Optional<RekeyOffer> offer = record.rekeyOffer;
        if (offer.isPresent() && offer.get().epoch() == ok.epoch()
                && key.equals(record.currentEpoch().orElseThrow().key())) {
            return RekeyOkVerdict.SWITCH;
        }
        return record.rekeyOkTaken.equals(Optional.of(ok.id())) ? RekeyOkVerdict.DUPLICATE : RekeyOkVerdict.STALE;
    }

    /** The peer sent under {@code key}: every older epoch key starts its grace, to be erased at {@code eraseAt}. */
    static boolean startGrace(ChatRecord record, ChatKey key, Instant eraseAt) {
        long used = record.epochOf(key).map(EpochKey::epoch).orElse(-1L);
        boolean changed = false;
        for (int i = 0; i < record.epochs.size(); i++) {
            EpochKey e = record.epochs.get(i);
            if (e.epoch() < used && e.eraseAt().isEmpty()) {
                record.epochs.set(i, e.eraseAt(eraseAt));
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Drops every epoch key whose grace has passed at {@code now}, and the remembered answer whose key went with it
     * (copies of that rekey can no longer be read). True when a key was dropped.
     */
    static boolean eraseDueKeys(ChatRecord record, Instant now) {
        boolean removed = record.epochs.removeIf(e -> {
            boolean due = e.eraseAt().map(t -> !t.isAfter(now)).orElse(false);
            if (due) {
                e.key().destroy(); // zeroed, not only dropped: the bytes would stay until a garbage collection
            }
            return due;
        });
        if (removed) {
            long oldest = record.epochs.stream().mapToLong(EpochKey::epoch).min().orElse(0);
            if (record.rekeyAnswer.map(a -> a.epoch() - 1 < oldest).orElse(false)) {
                record.rekeyAnswer = Optional.empty();
            }
        }
        return removed;
    }

    /** Whether this side should start a rekey now: enough messages sent since the last one, or the epoch is old. */
    static boolean rekeyDue(ChatRecord record, Instant now, ChatTimings timings) {
        if (record.phase != ChatPhase.ACTIVE || record.rekeyOffer.isPresent()) {
            return false;
        }
        Instant since = record.currentEpoch().orElseThrow().since();
        boolean old = !since.plus(timings.rekeyAfterAge()).isAfter(now);
        return record.sentSinceRekey >= timings.rekeyAfterMessages() || old;
    }

    /** When the next key event is due: an old key's erasure or the epoch's age limit. */
    static Instant nextKeyEvent(ChatRecord record, ChatTimings timings) {
        Instant next = record.currentEpoch().orElseThrow().since().plus(timings.rekeyAfterAge());
        for (EpochKey e : record.epochs) {
            if (e.eraseAt().isPresent() && e.eraseAt().get().isBefore(next)) {
                next = e.eraseAt().get();
            }
        }
        return next;
    }

    /** Makes the next epoch current: the count towards the automatic rekey starts again. */
    static void addEpoch(ChatRecord record, long epoch, ChatKey key, Instant now) {
        record.epochs.add(new EpochKey(epoch, key, now, Optional.empty()));
        record.sentSinceRekey = 0;
    }
}
