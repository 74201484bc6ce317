package parley.chat;

import java.lang.System.Logger.Level;
import java.time.Instant;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.FileGone;
import parley.protocol.FileWant;
import parley.protocol.Plaintext;
import parley.store.ChunkFile;
import parley.store.ProfileStore.Direction;
import parley.store.StoreException;

/**
 * What both sides of a chat's file transfers share (docs/protocol.md section 9.4): where a transfer's record and
 * chunks are kept, how a change is stored and then told, and how the unacked file messages reach the peer.
 * Confined to the chat thread.
 */
final class TransferChannel {
    private static final System.Logger LOG = System.getLogger(TransferChannel.class.getName());
    /**
     * Over a websocket the broker writes ~4 KiB per turn of its loop (docs/protocol.md 9.4), so a window of 8
     * would hold a text message ~10 s behind chunks: there the receiver asks for 2 at a time, which costs no
     * throughput (the pace is the broker's) and keeps text ~1.5 s behind at most.
     */
    static final int WINDOW_OVER_WEBSOCKET = 2;

    final SessionState s;

    TransferChannel(SessionState state) {
        this.s = state;
    }

    ChunkFile chunksOf(TransferRecord r) {
        return s.ctx.store().chunks(s.record.id, r.outgoing ? Direction.OUT : Direction.IN, r.id);
    }

    /** Stores the record, then tells the faces once it is synced. */
    void changed(TransferRecord r) {
        persist(r);
        s.ctx.emitDurable(new ChatEvent.TransferChanged(s.record.id, r.id, r.attachment()));
    }

    void persist(TransferRecord r) {
        if (s.deleted()) {
            return;
        }
        byte[] blob = TransferRecordCodec.encode(r);
        try {
            s.ctx.store().putTransfer(s.record.id, r.outgoing ? Direction.OUT : Direction.IN, r.id, blob);
        } finally {
            java.util.Arrays.fill(blob, (byte) 0);
        }
    }

    void discardChunks(TransferRecord r) {
        try {
            chunksOf(r).delete();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "chat {0}: {1}", s.record.id, e.getMessage());
        }
    }

    /** Tells the peer that {@code file} is not (or no longer) offered, so it stops asking. */
    void gone(MessageId file) {
        send(new FileGone(MessageId.random(), peer(), now().toEpochMilli(), file));
    }

    /** Not outboxed, not acked: each is derived again from state when it is lost (docs/protocol.md 9.4). */
    void send(Plaintext plaintext) {
        if (!s.link.online() || s.deleted() || s.record.phase != ChatPhase.ACTIVE) {
            return;
        }
        s.link.publish(peer(), plaintext, s.currentKey()).exceptionally(failure -> {
            LOG.log(Level.DEBUG, "chat {0}: a {1} was not published: {2}", s.record.id, plaintext.type(),
                    failure.getMessage());
            return null;
        });
    }

    void drop(DropReason reason) {
        s.drop(reason);
    }

    boolean online() {
        return s.link.online();
    }

    /** Chunks asked for and not yet come, at most; the next ask goes out when half of them arrived. */
    int window() {
        return s.ctx.brokerFor().apply(s.record).preferred().getScheme().equals("wss")
                ? WINDOW_OVER_WEBSOCKET : FileWant.WINDOW;
    }

    InboxId peer() {
        return s.record.peerInbox.orElseThrow();
    }

    Instant now() {
        return s.ctx.clock().instant();
    }

    @Override
    public String toString() {
        return "TransferChannel[" + s.record.id + "]";
    }
}
