package parley.chat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.SafetyCode;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.Chunk;
import parley.protocol.FileGone;
import parley.protocol.FileManifest;
import parley.protocol.FileWant;
import parley.protocol.DropReason;
import parley.protocol.Join;
import parley.protocol.Msg;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.protocol.Welcome;
import parley.text.DisplayNames;
import parley.transport.ConnectionState;

/**
 * One chat's protocol state machine (docs/protocol.md sections 4 to 6), as a coordinator of its parts: the
 * {@link JoinHandshake}, the {@link Conversation}, {@link Rekeying}, the {@link Outbox} that re-sends for all of
 * them and the {@link AckBatch}. It owns the life cycle (resume, connect, close, delete), turns what arrives into
 * a plaintext of one type and hands it to its part, and takes the user's commands. Confined to the chat thread.
 */
final class ChatSession {
    private static final System.Logger LOG = System.getLogger(ChatSession.class.getName());

    final ChatRecord record;
    private final SessionState s;
    private final JoinHandshake handshake;
    private final Conversation conversation;
    private final Rekeying rekeying;
    private final Transfers transfers;
    private Scheduler.Scheduled phaseTimer;
    /** Joiner: fires when a welcome becomes late and the join has failed. */
    private Scheduler.Scheduled lifetimeTimer;
    /** Inviter: the invite inbox has been subscribed at the broker, so a join sent to it arrives. */
    private boolean live;

    ChatSession(ChatContext ctx, ChatRecord record) {
        this.record = record;
        this.s = new SessionState(ctx, record, () -> resendDue(false));
        this.handshake = new JoinHandshake(s, this::moveInbox, this::joinExpired);
        this.transfers = new Transfers(s, ctx.autoDownloadLimit(), ctx.fileWork());
        this.conversation = new Conversation(s, transfers);
        this.rekeying = new Rekeying(s);
    }

    // ---- life cycle ----

    /** Connects the chat's inbox and arms its timers; also used after a restart. */
    void resume() {
        record.retiring.ifPresent(this::retire);
        switch (record.phase) {
            case INVITED -> schedulePhaseTimer(record.expires.orElseThrow(), this::expireInvite);
            case JOINING -> {
                schedulePhaseTimer(s.ctx.clock().instant().plus(s.ctx.timings().joinUnanswered()),
                        () -> s.ctx.emit(new ChatEvent.JoinUnanswered(record.id)));
                Duration untilLate = Duration.between(s.ctx.clock().instant(), s.lifetime().lateFrom());
                lifetimeTimer = s.ctx.scheduler().schedule(this::joinExpired,
                        untilLate.isNegative() ? Duration.ZERO : untilLate);
            }
            case EXPIRED -> { } // connected only to count (and drop) late welcomes until the user deletes it
            case ACTIVE -> rekeying.armKeyTimer();
        }
        connect();
    }

    private void connect() {
        s.link.open((payload, retained) -> {
            if (!s.deleted()) received(payload, retained);
        }, state -> {
            if (!s.deleted()) connectionChanged(state);
        });
    }

    private void connectionChanged(ConnectionState state) {
        s.changed();
        if (state instanceof ConnectionState.Connected) {
            if (record.phase == ChatPhase.INVITED && !live) {
                live = true; // the SUBACK came: the broker now keeps what is sent to the invite inbox
                s.ctx.emit(new ChatEvent.InviteLive(record.id, s.ctx.pendingInvite().apply(record, true)));
            }
            rekeying.sendUnsentAnswer(); // before anything under the new key
            resendDue(true);
            s.acks.flush();
            if (record.phase == ChatPhase.ACTIVE) {
                transfers.connected();
            }
            rekeying.startIfDue();
        }
    }

    /** The inviter took a join: the invite inbox is retired and the chat's fresh one connected. */
    private void moveInbox(InboxId inviteInbox) {
        close();
        retire(inviteInbox);
        rekeying.armKeyTimer();
        connect();
    }

    void close() {
        cancelPhaseTimer();
        cancelLifetimeTimer();
        rekeying.cancel();
        transfers.close();
        s.outbox.cancel();
        s.acks.cancel();
        s.link.close();
    }

    /** Forgets the chat: the broker drops its inbox's session, the profile drops its keys and history. */
    void delete(String why) {
        s.markDeleted();
        close();
        retire(record.ownInbox);
        s.ctx.store().deleteChat(record.id);
        record.destroyKeys(); // closed above: nothing can seal under them any more
        transfers.destroy();
        s.ctx.emit(new ChatEvent.ChatRemoved(record.id, why));
    }

    private void expireInvite() {
        if (record.phase == ChatPhase.INVITED && !s.deleted()) {
            LOG.log(Level.INFO, "invite {0} expired", record.id);
            delete("the invite expired");
        }
    }

    /** The joiner's invite expired without a welcome: the join stops for good and the user is told. */
    private void joinExpired() {
        if (handshake.expire()) {
            cancelPhaseTimer();
            cancelLifetimeTimer();
        }
    }

    /** Retires an inbox; one still to be retired stays in the record and is tried again on the next start. */
    private void retire(InboxId inbox) {
        s.link.retire(inbox).thenRun(() -> {
            if (record.retiring.equals(Optional.of(inbox)) && !s.deleted()) {
                record.retiring = Optional.empty();
                s.persist();
            }
        });
    }

    // ---- receiving ----

    private void received(byte[] payload, boolean retained) {
        if (retained) {
            s.drop(DropReason.RETAINED); // a rogue may plant a retained payload in any inbox (docs/protocol.md section 1)
            return;
        }
        switch (PayloadCodec.open(payload, record.receiveKeys(), record.ownInbox)) {
            case Opened.Rejected rejected -> {
                if (rejected.ackable().isPresent() && rejected.key().map(record::isEpochKey).orElse(false)) {
                    s.acks.add(rejected.ackable().get()); // authenticated but unusable: ack so the sender stops
                }
                s.drop(rejected.reason());
            }
            case Opened.Accepted accepted -> accepted(accepted.plaintext(), accepted.key());
        }
    }

    /** One case per plaintext type and no default: a new type does not compile until it is handled here. */
    private void accepted(Plaintext plaintext, ChatKey key) {
        boolean underInviteKey = key.equals(record.inviteKey) && !record.isEpochKey(key);
        switch (plaintext) {
            case Join join -> {
                if (handshakeKeyed(underInviteKey)) handshake.joinArrived(join);
            }
            case Welcome welcome -> {
                if (handshakeKeyed(underInviteKey) && handshake.welcomeArrived(welcome)) joined();
            }
            case Msg msg -> {
                if (chatKeyed(underInviteKey, key)) conversation.messageArrived(msg);
            }
            case Ack ack -> {
                if (chatKeyed(underInviteKey, key)) conversation.ackArrived(ack);
            }
            case Rekey rekey -> {
                if (chatKeyed(underInviteKey, key)) rekeying.rekeyArrived(rekey, key);
            }
            case RekeyOk ok -> {
                if (chatKeyed(underInviteKey, key)) rekeying.rekeyOkArrived(ok, key);
            }
            case FileWant want -> {
                if (chatKeyed(underInviteKey, key)) transfers.wantArrived(want);
            }
            case Chunk chunk -> {
                if (chatKeyed(underInviteKey, key)) transfers.chunkArrived(chunk);
            }
            case FileGone gone -> {
                if (chatKeyed(underInviteKey, key)) transfers.goneArrived(gone);
            }
        }
    }

    /** Only joins and welcomes travel under the invite key; anything else there is dropped. */
    private boolean handshakeKeyed(boolean underInviteKey) {
        if (!underInviteKey) {
            s.drop(DropReason.UNEXPECTED);
        }
        return underInviteKey;
    }

    /**
     * Messages, acks and rekeys need the agreed chat: one under the invite key is dropped (anyone who saw the QR
     * has it). One under an epoch key shows what the peer has: the welcome, and the newer key.
     */
    private boolean chatKeyed(boolean underInviteKey, ChatKey key) {
        if (underInviteKey || record.phase != ChatPhase.ACTIVE) {
            s.drop(DropReason.UNEXPECTED);
            return false;
        }
        handshake.peerUsedChatKey();
        rekeying.peerUsedKey(key);
        return true;
    }

    /** The joiner got the welcome: the chat is agreed. */
    private void joined() {
        cancelPhaseTimer();
        cancelLifetimeTimer();
        rekeying.armKeyTimer();
        s.ctx.emit(new ChatEvent.ChatReady(record.id, s.snapshot()));
    }

    // ---- sending ----

    Message send(String text) {
        Message message = conversation.send(text);
        rekeying.startIfDue();
        return message;
    }

    /**
     * Sends a file whose chunks {@link FileSealing} wrote into the profile under {@code id}: its transfer is
     * recorded, then its manifest goes out as a message.
     */
    Message sendFile(MessageId id, FileManifest manifest) {
        conversation.requireActive();
        long ts = s.ctx.clock().millis();
        transfers.offer(id, manifest, ts);
        Message message = conversation.send(id, FallbackText.of(manifest), Optional.of(manifest));
        rekeying.startIfDue();
        return message;
    }

    /** Refuses a command that needs the agreed chat. */
    void requireActive() {
        conversation.requireActive();
    }

    void download(MessageId id) {
        transfers.download(id);
    }

    void stopTransfer(MessageId id) {
        transfers.stop(id);
    }

    /** A stream of the clear bytes of a file that can be read (received whole, or our own). */
    java.io.InputStream openFile(MessageId id) {
        TransferRecord r = transfers.readable(id);
        return new FileContents(transfers.chunksOf(r), r.manifest, r.id);
    }

    Optional<Attachment> attachmentOf(MessageId id, boolean outgoing) {
        return transfers.attachmentOf(id, outgoing);
    }

    String fileName(MessageId id) {
        return transfers.readable(id).manifest.name();
    }

    /** Re-sends what is due: the handshake, our rekey and unacknowledged messages; all of them after a connect. */
    private void resendDue(boolean everything) {
        if (s.deleted()) {
            return;
        }
        Instant now = s.ctx.clock().instant();
        if (handshake.outstanding() && (everything || s.outbox.isDue(Outbox.HANDSHAKE, now))) {
            handshake.send();
        } else if (!handshake.outstanding()) {
            s.outbox.done(Outbox.HANDSHAKE); // the join's lifetime ended: no re-send timer for it
        }
        if (rekeying.offerOutstanding() && (everything || s.outbox.isDue(Outbox.REKEY, now))) {
            rekeying.sendOffer();
        }
        if (record.phase == ChatPhase.ACTIVE) {
            conversation.resendDue(everything, now);
        }
    }

    // ---- user commands and views ----

    void startRekey() {
        rekeying.start();
    }

    SafetyCode safetyCode() {
        return record.safetyDigits.map(SafetyCode::fromDigits).orElseThrow(() -> new ChatException(
                ChatException.Problem.NOT_READY, "the chat has no safety code until the join is complete"));
    }

    /** Marks the chat verified when {@code scannedOrTyped} is its safety code; refuses a mismatch loudly. */
    void verify(String scannedOrTyped) {
        SafetyCode code = safetyCode();
        if (SafetyCode.digitsFrom(scannedOrTyped).isEmpty()) {
            throw new ChatException(ChatException.Problem.BAD_TEXT,
                    "a safety code is 20 digits (five groups of four) or a scanned parley-safety QR code");
        }
        if (!code.matches(scannedOrTyped)) {
            throw new ChatException(ChatException.Problem.SAFETY_MISMATCH, "the safety codes differ: someone may be "
                    + "in the middle of this chat, reading and relaying it. Do not trust it; meet in person and start "
                    + "a new invite");
        }
        if (!record.verified) {
            record.verified = true;
            s.persist();
            s.changed();
        }
    }

    void markRead() {
        if (record.unread != 0) {
            record.unread = 0;
            s.persist();
            s.changed();
        }
    }

    void rename(String name) {
        String trimmed = name.strip();
        DisplayNames.problem(trimmed).ifPresent(problem -> {
            throw new ChatException(ChatException.Problem.BAD_TEXT, "a chat name " + problem);
        });
        record.name = trimmed;
        s.persist();
        s.changed();
    }

    boolean live() {
        return live;
    }

    Map<DropReason, Long> drops() {
        return s.drops();
    }

    Chat snapshot() {
        return s.snapshot();
    }

    void persist() {
        s.persist();
    }

    // ---- the phase timer: an invite's expiry, a join's "unanswered" notice ----

    private void schedulePhaseTimer(Instant when, Runnable action) {
        cancelPhaseTimer();
        phaseTimer = s.ctx.scheduler().schedule(action, Duration.between(s.ctx.clock().instant(), when));
    }

    private void cancelLifetimeTimer() {
        if (lifetimeTimer != null) {
            lifetimeTimer.cancel();
            lifetimeTimer = null;
        }
    }

    private void cancelPhaseTimer() {
        if (phaseTimer != null) {
            phaseTimer.cancel();
            phaseTimer = null;
        }
    }
}
