package parley.chat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.DropReason;
import parley.protocol.FileManifest;
import parley.protocol.Msg;
import parley.protocol.PayloadCodec;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.StoredMessage;

/**
 * The messages of an agreed chat (docs/protocol.md section 6): sending through the durable outbox, receiving once,
 * acknowledging, and the ticks a user sees.
 */
final class Conversation {
    private static final System.Logger LOG = System.getLogger(Conversation.class.getName());

    private final SessionState s;
    private final Transfers transfers;

    Conversation(SessionState state, Transfers transfers) {
        this.s = state;
        this.transfers = transfers;
    }

    Message send(String text) {
        requireActive();
        return send(MessageId.random(), text, Optional.empty());
    }

    /** Refuses a command that needs the agreed chat, saying why it is not there yet. */
    void requireActive() {
        ChatRecord r = s.record;
        if (r.phase != ChatPhase.ACTIVE) {
            throw new ChatException(ChatException.Problem.NOT_READY, switch (r.phase) {
                case INVITED -> "nobody has joined this invite yet";
                case EXPIRED -> "the invite expired before your friend answered: ask for a new invite";
                case JOINING, ACTIVE -> "the chat is not ready: waiting for the inviter's welcome";
            });
        }
    }

    /** Sends a message, or (with {@code file}) a file's manifest, whose transfer is recorded already. */
    Message send(MessageId id, String text, Optional<FileManifest> file) {
        ChatRecord r = s.record;
        Instant now = s.ctx.clock().instant();
        Msg msg;
        byte[] sealed;
        try {
            msg = new Msg(id, r.peerInbox.orElseThrow(), r.sendSeq + 1, now.toEpochMilli(), text, file);
            sealed = PayloadCodec.seal(msg, s.currentKey()); // refuses text a peer could not read, before storing
        } catch (IllegalArgumentException e) {
            throw new ChatException(ChatException.Problem.BAD_TEXT, e.getMessage(), e);
        }
        r.nextSeq();
        r.sentSinceRekey++;
        r.lastActivity = Optional.of(now);
        // in the outbox with the seq that counts it; published and shown after the turn's sync (group commit)
        StoredMessage stored = s.storeMessage(msg.id(), Direction.OUT, msg.seq(), msg.ts(), Status.QUEUED, text);
        publish(msg.id(), sealed);
        Message message = ChatService.toMessage(r.id, stored, transfers.attachmentOf(msg.id(), true));
        s.ctx.emitDurable(new ChatEvent.MessageAdded(r.id, message));
        return message;
    }

    /** Re-sends the unacknowledged messages that are due ({@code everything}: all of them, after a connect). */
    void resendDue(boolean everything, Instant now) {
        for (StoredMessage m : s.ctx.store().outbox(s.record.id)) {
            if (everything || s.outbox.isDue(m.messageId().value(), now)) {
                Msg msg = new Msg(m.messageId(), s.record.peerInbox.orElseThrow(), m.seq(), m.sentAt(),
                        new String(m.body(), StandardCharsets.UTF_8), transfers.manifestOf(m.messageId()));
                publish(msg.id(), PayloadCodec.seal(msg, s.currentKey())); // under the current key
            }
        }
    }

    /** Publishes once the message's row is synced: the broker never holds a message the sender could lose. */
    private void publish(MessageId id, byte[] payload) {
        s.outbox.sending(id.value());
        s.ctx.commit().afterSync(() -> publishNow(id, payload));
    }

    private void publishNow(MessageId id, byte[] payload) {
        if (!s.link.online() || s.deleted()) {
            return; // stays queued: sent after the next connect
        }
        s.link.publishSealed(s.record.peerInbox.orElseThrow(), payload).whenCompleteAsync((ok, failure) -> {
            if (failure == null && !s.deleted() && s.ctx.store().setStatus(s.record.id, id, Status.SENT)) {
                s.ctx.emit(new ChatEvent.DeliveryChanged(s.record.id, id, Delivery.SENT));
            }
        }, s.ctx.scheduler());
    }

    void messageArrived(Msg msg) {
        ChatRecord r = s.record;
        s.acks.add(msg.id()); // duplicates too: the sender re-sends until it hears an ack
        if (s.ctx.store().hasMessage(r.id, Direction.IN, msg.id())) {
            s.drop(DropReason.DUPLICATE);
            return;
        }
        if (msg.seq() > r.peerSeq + 1) {
            LOG.log(Level.DEBUG, "chat {0}: {1} messages missing before seq {2} (they may still come)",
                    r.id, msg.seq() - r.peerSeq - 1, msg.seq());
        }
        r.peerSeq = Math.max(r.peerSeq, msg.seq());
        r.unread++;
        r.lastActivity = Optional.of(s.ctx.clock().instant());
        StoredMessage stored = s.storeMessage(msg.id(), Direction.IN, msg.seq(), msg.ts(), Status.RECEIVED, msg.text());
        if (msg.file().isPresent()) {
            transfers.manifestArrived(msg);
        }
        s.ctx.emitDurable(new ChatEvent.MessageAdded(r.id,
                ChatService.toMessage(r.id, stored, transfers.attachmentOf(msg.id(), false))));
        s.ctx.emitDurable(new ChatEvent.ChatChanged(r.id, s.snapshot()));
    }

    void ackArrived(Ack ack) {
        for (MessageId id : ack.ids()) {
            if (!ack.files()) {
                transfers.peerCannotReceive(id); // read by a version without files (docs/protocol.md 9.3)
            }
            s.outbox.done(id.value());
            if (s.ctx.store().setStatus(s.record.id, id, Status.DELIVERED)) {
                s.ctx.emit(new ChatEvent.DeliveryChanged(s.record.id, id, Delivery.DELIVERED));
            }
        }
    }
}
