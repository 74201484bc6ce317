package parley.chat;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import parley.crypto.MessageId;
import parley.protocol.Chunk;
import parley.protocol.FileGone;
import parley.protocol.FileManifest;
import parley.protocol.FileWant;
import parley.protocol.Msg;
import parley.store.ChunkFile;
import parley.store.StoredTransfer;

/**
 * The files of one chat (docs/protocol.md section 9.4): what the session and the faces see of them, over the two
 * sides that move them, {@link Uploads} and {@link Downloads}. Loads the chat's transfers from the profile at start;
 * confined to the chat thread.
 */
final class Transfers {
    private static final System.Logger LOG = System.getLogger(Transfers.class.getName());

    private final TransferChannel channel;
    private final Uploads uploads;
    private final Downloads downloads;

    Transfers(SessionState s, LongSupplier autoDownloadLimit, Executor digestWork) {
        this.channel = new TransferChannel(s);
        this.uploads = new Uploads(channel);
        this.downloads = new Downloads(channel, autoDownloadLimit, digestWork);
        for (StoredTransfer stored : s.ctx.store().transfers(s.record.id)) {
            try {
                TransferRecord r = TransferRecordCodec.decode(stored.state());
                if (r.outgoing) {
                    uploads.loaded(r);
                } else {
                    downloads.loaded(r);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "chat {0}: a stored file could not be read and is left: {1}", s.record.id,
                        e.getMessage());
            } finally {
                java.util.Arrays.fill(stored.state(), (byte) 0); // it held the file key
            }
        }
    }

    // ---- what the faces see ----

    Optional<Attachment> attachmentOf(MessageId id, boolean outgoingMessage) {
        return (outgoingMessage ? uploads.get(id) : downloads.get(id)).map(TransferRecord::attachment);
    }

    /** The manifest of one of our messages, for re-sending it. */
    Optional<FileManifest> manifestOf(MessageId id) {
        return uploads.get(id).map(r -> r.manifest);
    }

    /** A file that can be read: one received whole, or one of our own. */
    TransferRecord readable(MessageId id) {
        Optional<TransferRecord> own = uploads.get(id);
        if (own.isPresent()) {
            return own.get();
        }
        TransferRecord r = downloads.get(id).orElseThrow(
                () -> new ChatException(ChatException.Problem.FILE, "that message carries no file"));
        if (r.state != TransferState.COMPLETE) {
            throw new ChatException(ChatException.Problem.NOT_READY, "the file has not arrived whole yet ("
                    + r.held.cardinality() + " of " + r.count() + " parts)");
        }
        return r;
    }

    ChunkFile chunksOf(TransferRecord r) {
        return channel.chunksOf(r);
    }

    // ---- what the peer and the session set off ----

    void offer(MessageId id, FileManifest manifest, long ts) {
        uploads.offer(id, manifest, ts);
    }

    void peerCannotReceive(MessageId id) {
        uploads.peerCannotReceive(id);
    }

    void wantArrived(FileWant want) {
        uploads.wantArrived(want);
    }

    void manifestArrived(Msg msg) {
        downloads.manifestArrived(msg);
    }

    void chunkArrived(Chunk chunk) {
        downloads.chunkArrived(chunk);
    }

    void goneArrived(FileGone gone) {
        downloads.goneArrived(gone);
    }

    void connected() {
        downloads.connected();
    }

    // ---- the user's commands ----

    void download(MessageId id) {
        downloads.download(id);
    }

    /** Pauses a download (what arrived is kept), or cancels one of ours (the peer is told it is gone). */
    void stop(MessageId id) {
        if (!uploads.cancel(id)) {
            downloads.pause(id);
        }
    }

    void close() {
        downloads.close();
    }

    /** The chat is deleted: its file keys go with it (the store deletes the chunks and the records). */
    void destroy() {
        downloads.destroy();
        uploads.destroy();
    }
}
