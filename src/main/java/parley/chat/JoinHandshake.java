package parley.chat;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.SafetyCode;
import parley.protocol.DropReason;
import parley.protocol.Join;
import parley.protocol.Plaintext;
import parley.protocol.Welcome;

/**
 * The join handshake (docs/protocol.md section 4), both sides: the joiner's join and the inviter's welcome, each
 * re-sent identically under the invite key until the peer shows it arrived; the inviter moves to a fresh inbox and
 * retires the one in the QR; both end in epoch 0 with the safety code.
 */
final class JoinHandshake {
    private static final System.Logger LOG = System.getLogger(JoinHandshake.class.getName());

    /** What accepting a join asks of the session: leave the invite inbox and connect the chat's new one. */
    interface Moves {
        void moveInbox(InboxId retired);
    }

    private final SessionState s;
    private final Moves moves;
    /** Joiner: a late welcome showed the join failed; the session ends it ({@link #expire()}) and its timers. */
    private final Runnable joinExpired;
    /** Inviter: ChatReady is announced once the broker has taken the welcome, so a face that exits then loses nothing. */
    private boolean readyAnnounced;

    JoinHandshake(SessionState state, Moves moves, Runnable joinExpired) {
        this.s = state;
        this.moves = moves;
        this.joinExpired = joinExpired;
    }

    void joinArrived(Join join) {
        ChatRecord r = s.record;
        if (!r.inviter) {
            s.drop(DropReason.UNEXPECTED);
        } else if (r.phase == ChatPhase.INVITED && !s.lifetime().joinAccepted(s.ctx.clock().instant())) {
            s.drop(DropReason.EXPIRED);
        } else if (r.phase == ChatPhase.INVITED && join.inbox().equals(r.ownInbox)) {
            s.drop(DropReason.WRONG_INBOX); // our welcome would go to the invite inbox, which is about to be retired
        } else if (r.phase == ChatPhase.INVITED) {
            acceptJoin(join);
        } else if (r.acceptedJoin.equals(Optional.of(join.id()))) {
            s.drop(DropReason.DUPLICATE);
        } else {
            s.drop(DropReason.UNEXPECTED); // only the first valid join is accepted
        }
    }

    /** The inviter's side of the join: new inbox, new key, welcome, retire the invite inbox. */
    private void acceptJoin(Join join) {
        ChatRecord r = s.record;
        Instant now = s.ctx.clock().instant();
        FreshAgreement agreed = FreshAgreement.with(join.epk(), r.inviteKey);
        InboxId inviteInbox = r.ownInbox;
        r.retiring = Optional.of(inviteInbox);
        r.ownInbox = InboxId.random();
        becomeActive(agreed.key(), join.inbox(), join.id(), join.seq(), join.name(), now);
        r.handshake = Optional.of(new Handshake(MessageId.random(), r.nextSeq(), now.toEpochMilli(),
                agreed.ownPublic(), s.ctx.displayName()));
        r.handshakeConfirmed = false;
        s.persist();
        LOG.log(Level.INFO, "chat {0}: join accepted; inbox {1} is retired", r.id, inviteInbox.abbreviated());
        moves.moveInbox(inviteInbox); // the welcome goes out on the new inbox's connection, before anything else
    }

    /** Both sides of the join end here: epoch 0, the safety code, and the peer's chat inbox. */
    private void becomeActive(ChatKey chatKey, InboxId peer, MessageId handshakeId, long peerSeq,
                              Optional<String> peerName, Instant now) {
        ChatRecord r = s.record;
        r.peerInbox = Optional.of(peer);
        r.epochs.add(new EpochKey(0, chatKey, now, Optional.empty()));
        r.safetyDigits = Optional.of(SafetyCode.of(chatKey, r.ownInbox, peer).digits());
        r.phase = ChatPhase.ACTIVE;
        r.expires = Optional.empty();
        r.acceptedJoin = Optional.of(handshakeId);
        r.peerSeq = peerSeq;
        peerName.ifPresentOrElse(n -> r.name = n, () -> {
            if (r.inviter) {
                r.name = Chat.UNNAMED; // not "Invite Wn6V": the user is asked to name it
            }
        });
        r.lastActivity = Optional.of(now);
    }

    /** True when the joiner has just completed the join (the session then arms its timers and says ready). */
    boolean welcomeArrived(Welcome welcome) {
        ChatRecord r = s.record;
        if (r.inviter) {
            s.drop(DropReason.UNEXPECTED);
        } else if (r.phase == ChatPhase.EXPIRED
                || (r.phase == ChatPhase.JOINING && s.lifetime().welcomeLate(s.ctx.clock().instant()))) {
            s.drop(DropReason.EXPIRED); // whoever holds the old QR code could have sent it
            joinExpired.run();
        } else if (r.phase == ChatPhase.JOINING && (welcome.inbox().equals(r.ownInbox)
                || r.peerInbox.equals(Optional.of(welcome.inbox())))) {
            s.drop(DropReason.WRONG_INBOX); // before the ephemeral key is used: the real welcome can still come
        } else if (r.phase == ChatPhase.JOINING) {
            completeJoin(welcome);
            return true;
        } else if (r.acceptedJoin.equals(Optional.of(welcome.id()))) {
            s.drop(DropReason.DUPLICATE);
            s.acks.add(welcome.id()); // our ack may have been lost: the inviter re-sends until it sees one
        } else {
            s.drop(DropReason.UNEXPECTED);
        }
        return false;
    }

    /** The joiner's side: derive the chat key from the welcome, forget the ephemeral key, confirm. */
    private void completeJoin(Welcome welcome) {
        ChatRecord r = s.record;
        byte[] secret = r.ephemeralPrivate.orElseThrow();
        EphemeralKeyPair ephemeral = EphemeralKeyPair.restore(secret, r.handshake.orElseThrow().epk());
        ChatKey chatKey;
        try {
            chatKey = ephemeral.deriveChatKey(welcome.epk(), r.inviteKey);
        } finally {
            ephemeral.destroy();
            Arrays.fill(secret, (byte) 0);
        }
        r.ephemeralPrivate = Optional.empty();
        becomeActive(chatKey, welcome.inbox(), welcome.id(), welcome.seq(), welcome.name(), s.ctx.clock().instant());
        r.handshakeConfirmed = true;
        s.outbox.done(Outbox.HANDSHAKE);
        s.persist();
        LOG.log(Level.INFO, "chat {0}: welcome arrived; chat key agreed", r.id);
        s.acks.add(welcome.id());
        s.acks.flush();
    }

    /**
     * The joiner's invite expired without a welcome: stop for good, erase the ephemeral key. The inbox stays
     * connected so that late welcomes are drained and counted until the user deletes the chat. True when the chat
     * has just expired.
     */
    boolean expire() {
        ChatRecord r = s.record;
        if (r.phase != ChatPhase.JOINING || s.deleted()) {
            return false;
        }
        r.phase = ChatPhase.EXPIRED;
        r.ephemeralPrivate.ifPresent(secret -> Arrays.fill(secret, (byte) 0));
        r.ephemeralPrivate = Optional.empty();
        s.outbox.done(Outbox.HANDSHAKE);
        s.persist();
        LOG.log(Level.INFO, "chat {0}: the invite expired before a welcome came", r.id);
        s.changed();
        return true;
    }

    /** The peer used the chat key: that proves the welcome arrived, so it is re-sent no more. */
    void peerUsedChatKey() {
        if (!s.record.handshakeConfirmed) {
            s.record.handshakeConfirmed = true;
            s.outbox.done(Outbox.HANDSHAKE);
            s.persist();
        }
    }

    /** Whether our join (joiner, only before the invite's expiry) or welcome (inviter) still has to go out again. */
    boolean outstanding() {
        ChatRecord r = s.record;
        return r.handshake.isPresent()
                && ((r.phase == ChatPhase.JOINING && s.lifetime().joinMaySend(s.ctx.clock().instant()))
                || (r.inviter && !r.handshakeConfirmed));
    }

    /** The join (joiner) or welcome (inviter), identical each time, under the invite key. */
    void send() {
        ChatRecord r = s.record;
        Handshake h = r.handshake.orElseThrow();
        InboxId to = r.peerInbox.orElseThrow();
        Plaintext p = r.inviter
                ? new Welcome(h.id(), to, h.seq(), h.ts(), r.ownInbox, h.epk(), h.name())
                : new Join(h.id(), to, h.seq(), h.ts(), r.ownInbox, h.epk(), h.name());
        s.outbox.sending(Outbox.HANDSHAKE);
        if (!s.link.online()) {
            return;
        }
        s.link.publish(to, p, r.inviteKey).whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.DEBUG, "chat {0}: handshake not taken by the broker yet: {1}", r.id, failure.getMessage());
            } else if (r.inviter && !readyAnnounced && !s.deleted()) {
                readyAnnounced = true;
                s.ctx.emit(new ChatEvent.ChatReady(r.id, s.snapshot()));
            }
        }, s.ctx.scheduler());
    }
}
