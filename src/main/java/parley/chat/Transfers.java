package parley.chat;

import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.DecryptionException;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.Chunk;
import parley.protocol.DropReason;
import parley.protocol.FileGone;
import parley.protocol.FileManifest;
import parley.protocol.FileWant;
import parley.protocol.Msg;
import parley.protocol.Plaintext;
import parley.store.ChunkFile;
import parley.store.ProfileStore.Direction;
import parley.store.StoreException;
import parley.store.StoredTransfer;

/**
 * The files of one chat (docs/protocol.md section 9.4): on the sending side, answering the receiver's asks with
 * chunks from the profile; on the receiving side, pulling a window of chunks, checking each, keeping them, and
 * checking the whole file's digest. Every change is stored before it is told; confined to the chat thread.
 */
final class Transfers {
    private static final System.Logger LOG = System.getLogger(Transfers.class.getName());
    /** A sender answers one index at most once in this long: a burst of asks queued while it was away costs one. */
    static final Duration ANSWER_GAP = Duration.ofSeconds(5);
    /** How long a sender offers a file after its manifest, as long as the broker keeps an absent peer's session. */
    static final Duration OFFERED_FOR = Duration.ofDays(30);
    /**
     * Over a websocket the broker writes ~4 KiB per turn of its loop (docs/protocol.md 9.4), so a window of 8
     * would hold a text message ~10 s behind chunks: there the receiver asks for 2 at a time, which costs no
     * throughput (the pace is the broker's) and keeps text ~1.5 s behind at most.
     */
    static final int WINDOW_OVER_WEBSOCKET = 2;

    private final SessionState s;
    private final LongSupplier autoDownloadLimit;
    private final Map<MessageId, TransferRecord> outgoing = new HashMap<>();
    private final Map<MessageId, TransferRecord> incoming = new HashMap<>();
    private final Map<MessageId, Download> downloads = new HashMap<>();
    /** Sender: when each index of a file was last sent. */
    private final Map<MessageId, Map<Integer, Instant>> answered = new HashMap<>();

    Transfers(SessionState state, LongSupplier autoDownloadLimit) {
        this.s = state;
        this.autoDownloadLimit = autoDownloadLimit;
        for (StoredTransfer stored : s.ctx.store().transfers(s.record.id)) {
            try {
                TransferRecord r = TransferRecordCodec.decode(stored.state());
                (r.outgoing ? outgoing : incoming).put(r.id, r);
                if (r.state == TransferState.DOWNLOADING) {
                    downloads.put(r.id, new Download());
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
        return Optional.ofNullable((outgoingMessage ? outgoing : incoming).get(id)).map(TransferRecord::attachment);
    }

    /** The manifest of one of our messages, for re-sending it. */
    Optional<FileManifest> manifestOf(MessageId id) {
        return Optional.ofNullable(outgoing.get(id)).map(r -> r.manifest);
    }

    /** A file that can be read: one received whole, or one of our own. */
    TransferRecord readable(MessageId id) {
        TransferRecord r = outgoing.get(id);
        if (r == null) {
            r = incoming.get(id);
            if (r == null) {
                throw new ChatException(ChatException.Problem.FILE, "that message carries no file");
            }
            if (r.state != TransferState.COMPLETE) {
                throw new ChatException(ChatException.Problem.NOT_READY, "the file has not arrived whole yet ("
                        + r.held.cardinality() + " of " + r.count() + " parts)");
            }
        }
        return r;
    }

    ChunkFile chunksOf(TransferRecord r) {
        return s.ctx.store().chunks(s.record.id, r.outgoing ? Direction.OUT : Direction.IN, r.id);
    }

    // ---- sending ----

    /** Records a file whose chunks are in the profile already; its manifest goes out next, as a message. */
    void offer(MessageId id, FileManifest manifest, long ts) {
        TransferRecord r = new TransferRecord(id, true, manifest, ts, TransferState.SENDING, new BitSet());
        outgoing.put(id, r);
        persist(r);
    }

    /** The peer acked a manifest without {@code "files":1}: its Parley is older and cannot fetch the file. */
    void peerCannotReceive(MessageId id) {
        TransferRecord r = outgoing.get(id);
        if (r != null && r.state == TransferState.SENDING) {
            r.state = TransferState.UNSUPPORTED;
            r.problem = Optional.of("your friend's Parley is older and cannot receive files");
            changed(r);
        }
    }

    void wantArrived(FileWant want) {
        TransferRecord r = outgoing.get(want.file());
        if (r == null) {
            send(new FileGone(MessageId.random(), peer(), now().toEpochMilli(), want.file()));
            return; // not ours, or deleted: say so, so the peer stops asking
        }
        if (want.have() > r.count() || (!want.want().isEmpty() && want.want().getLast() >= r.count())) {
            s.drop(DropReason.MALFORMED);
            return;
        }
        if (r.state == TransferState.SENDING
                && now().isAfter(Instant.ofEpochMilli(r.offeredAt).plus(OFFERED_FOR))) {
            r.state = TransferState.CANCELLED;
            r.problem = Optional.of("no longer offered: your friend did not fetch it within 30 days");
            changed(r);
        }
        if (r.state == TransferState.CANCELLED) {
            send(new FileGone(MessageId.random(), peer(), now().toEpochMilli(), r.id));
            return;
        }
        if (r.state == TransferState.UNSUPPORTED) {
            r.state = TransferState.SENDING; // it asks, so it can receive files after all (updated meanwhile)
            r.problem = Optional.empty();
        }
        boolean whole = want.have() == r.count() && want.want().isEmpty();
        if (want.have() > r.peerHave || whole) {
            r.peerHave = Math.max(r.peerHave, want.have());
            if (whole) {
                r.state = TransferState.DELIVERED;
                answered.remove(r.id);
            }
            changed(r);
        }
        answer(r, want.want());
    }

    private void answer(TransferRecord r, List<Integer> indices) {
        if (indices.isEmpty() || !s.link.online()) {
            return; // asked again on the peer's next connect or silence
        }
        Instant now = now();
        Map<Integer, Instant> sent = answered.computeIfAbsent(r.id, id -> new HashMap<>());
        ChunkFile chunks = chunksOf(r);
        for (int i : indices) {
            Instant last = sent.get(i);
            if (last != null && Duration.between(last, now).compareTo(ANSWER_GAP) < 0) {
                continue;
            }
            byte[] sealed;
            try {
                sealed = chunks.read(i);
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "chat {0}: a file's chunks are missing from the profile: {1}", s.record.id,
                        e.getMessage());
                r.state = TransferState.CANCELLED;
                r.problem = Optional.of("its copy in your profile is gone: send it again");
                changed(r);
                send(new FileGone(MessageId.random(), peer(), now.toEpochMilli(), r.id));
                return;
            }
            sent.put(i, now);
            send(Chunk.of(MessageId.random(), peer(), now.toEpochMilli(), r.id, i, sealed));
        }
    }

    // ---- receiving ----

    /** A manifest arrived (stored just now as a message): fetched at once if small enough, else offered. */
    void manifestArrived(Msg msg) {
        FileManifest manifest = msg.file().orElseThrow();
        boolean automatic = manifest.size() <= autoDownloadLimit.getAsLong();
        TransferRecord r = new TransferRecord(msg.id(), false, manifest, msg.ts(),
                automatic ? TransferState.DOWNLOADING : TransferState.OFFERED, new BitSet(manifest.count()));
        incoming.put(r.id, r);
        persist(r);
        if (automatic) {
            downloads.put(r.id, new Download());
            ask(r, true);
        }
    }

    void chunkArrived(Chunk chunk) {
        TransferRecord r = incoming.get(chunk.file());
        if (r == null || !(r.state == TransferState.DOWNLOADING || r.state == TransferState.PAUSED)) {
            s.drop(DropReason.UNEXPECTED);
            return;
        }
        int i = chunk.i();
        if (i >= r.count()) {
            s.drop(DropReason.MALFORMED);
            return;
        }
        if (r.held.get(i)) {
            s.drop(DropReason.DUPLICATE);
            return;
        }
        Download d = downloads.computeIfAbsent(r.id, id -> new Download());
        byte[] sealed = chunk.sealed();
        byte[] plain;
        try {
            plain = ChunkCipher.open(r.manifest.key(), r.id.value(), i, r.count(), sealed);
        } catch (DecryptionException e) {
            badChunk(r, d, i);
            return;
        }
        int length = ChunkCipher.lengthOf(i, r.manifest.size());
        for (int b = length; b < plain.length; b++) {
            if (plain[b] != 0) {
                badChunk(r, d, i);
                return;
            }
        }
        java.util.Arrays.fill(plain, (byte) 0);
        try {
            chunksOf(r).write(i, sealed);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "chat {0}: could not keep a file chunk: {1}", s.record.id, e.getMessage());
            return; // not held: asked for again after the next silence
        }
        r.held.set(i);
        d.outstanding.remove(i);
        d.arrivedSinceAsk++;
        d.progressed();
        if (r.whole()) {
            complete(r);
            return;
        }
        changed(r);
        if (r.state == TransferState.DOWNLOADING
                && (d.arrivedSinceAsk >= Math.max(1, window() / 2) || d.outstanding.isEmpty())) {
            ask(r, false);
        } else if (r.state == TransferState.DOWNLOADING) {
            armTimer(r, d);
        }
    }

    /** Dropped and counted; the index leaves the window, so the next ask names it again. */
    private void badChunk(TransferRecord r, Download d, int i) {
        s.drop(DropReason.BAD_CHUNK);
        d.outstanding.remove(i);
        if (r.state == TransferState.DOWNLOADING) {
            ask(r, false);
        }
    }

    /** Every chunk is held: the digest decides whether it is the file the manifest announced. */
    private void complete(TransferRecord r) {
        cancelDownload(r.id);
        if (digestMatches(r)) {
            r.state = TransferState.COMPLETE;
            changed(r);
            sendWant(r, List.of());
        } else {
            LOG.log(Level.INFO, "chat {0}: a received file does not match its digest", s.record.id);
            s.drop(DropReason.BAD_CHUNK);
            r.state = TransferState.FAILED;
            r.problem = Optional.of("the file does not match what its sender announced");
            r.held.clear();
            discardChunks(r);
            changed(r);
        }
    }

    private boolean digestMatches(TransferRecord r) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ChunkFile chunks = chunksOf(r);
        try {
            for (int i = 0; i < r.count(); i++) {
                byte[] plain = ChunkCipher.open(r.manifest.key(), r.id.value(), i, r.count(), chunks.read(i));
                sha256.update(plain, 0, ChunkCipher.lengthOf(i, r.manifest.size()));
                java.util.Arrays.fill(plain, (byte) 0);
            }
        } catch (DecryptionException | StoreException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256.digest(), Base64Url.decode("sha256", r.manifest.sha256(), 32));
    }

    void goneArrived(FileGone gone) {
        TransferRecord r = incoming.get(gone.file());
        if (r == null || r.state == TransferState.COMPLETE || r.state == TransferState.GONE
                || r.state == TransferState.FAILED) {
            s.drop(DropReason.UNEXPECTED);
            return;
        }
        cancelDownload(r.id);
        r.state = TransferState.GONE;
        r.problem = Optional.of("your friend no longer offers this file");
        r.held.clear();
        discardChunks(r);
        changed(r);
    }

    /** After every connect: each download asks again from its first missing chunk. */
    void connected() {
        for (TransferRecord r : incoming.values()) {
            if (r.state == TransferState.DOWNLOADING) {
                ask(r, true);
            }
        }
    }

    /**
     * Asks for the first missing chunks not already asked for, up to the window ({@code fresh}: forgetting what was
     * asked before, after a connect or a silence). The ask goes out once the chunks it counts as held are synced.
     */
    private void ask(TransferRecord r, boolean fresh) {
        Download d = downloads.computeIfAbsent(r.id, id -> new Download());
        if (fresh) {
            d.outstanding.clear();
        }
        List<Integer> want = new ArrayList<>();
        int window = window();
        for (int i = r.held.nextClearBit(0); i < r.count() && d.outstanding.size() < window;
                i = r.held.nextClearBit(i + 1)) {
            if (d.outstanding.add(i)) {
                want.add(i);
            }
        }
        d.arrivedSinceAsk = 0;
        armTimer(r, d);
        sendWant(r, want);
    }

    private void sendWant(TransferRecord r, List<Integer> want) {
        int have = r.have();
        s.ctx.commit().afterSync(() -> send(new FileWant(MessageId.random(), peer(), now().toEpochMilli(), r.id,
                have, want)));
    }

    private void armTimer(TransferRecord r, Download d) {
        d.cancelTimer();
        d.timer = s.ctx.scheduler().schedule(() -> {
            d.timer = null;
            if (r.state == TransferState.DOWNLOADING && !s.deleted()) {
                d.silent();
                ask(r, true);
            }
        }, d.backoff);
    }

    // ---- the user's commands ----

    /** Starts or resumes a download (an offered file, a paused one, or one that failed: from scratch). */
    void download(MessageId id) {
        TransferRecord r = incoming.get(id);
        if (r == null) {
            throw new ChatException(ChatException.Problem.FILE, "that message carries no file to download");
        }
        switch (r.state) {
            case OFFERED, PAUSED, FAILED -> {
                r.state = TransferState.DOWNLOADING;
                r.problem = Optional.empty();
                changed(r);
                downloads.put(r.id, new Download());
                ask(r, true);
            }
            case DOWNLOADING, COMPLETE -> { } // already on its way, or here
            case GONE -> throw new ChatException(ChatException.Problem.FILE, "your friend no longer offers this file");
            case SENDING, DELIVERED, CANCELLED, UNSUPPORTED -> throw new IllegalStateException("not an incoming state");
        }
    }

    /** Pauses a download (what arrived is kept), or cancels one of ours (the peer is told it is gone). */
    void stop(MessageId id) {
        TransferRecord r = outgoing.get(id);
        if (r != null) {
            if (r.state == TransferState.SENDING || r.state == TransferState.UNSUPPORTED) {
                r.state = TransferState.CANCELLED;
                r.problem = Optional.of("you cancelled sending it");
                answered.remove(id);
                changed(r);
                if (s.record.phase == ChatPhase.ACTIVE) {
                    send(new FileGone(MessageId.random(), peer(), now().toEpochMilli(), id));
                }
            }
            return;
        }
        r = incoming.get(id);
        if (r == null) {
            throw new ChatException(ChatException.Problem.FILE, "that message carries no file");
        }
        if (r.state == TransferState.DOWNLOADING) {
            cancelDownload(id);
            r.state = TransferState.PAUSED;
            changed(r);
        }
    }

    void close() {
        for (Download d : downloads.values()) {
            d.cancelTimer();
        }
    }

    /** The chat is deleted: its file keys go with it (the store deletes the chunks and the records). */
    void destroy() {
        close();
        downloads.clear();
        for (TransferRecord r : outgoing.values()) {
            r.manifest.key().destroy();
        }
        for (TransferRecord r : incoming.values()) {
            r.manifest.key().destroy();
        }
    }

    // ---- helpers ----

    private void cancelDownload(MessageId id) {
        Download d = downloads.remove(id);
        if (d != null) {
            d.cancelTimer();
        }
    }

    private void discardChunks(TransferRecord r) {
        try {
            chunksOf(r).delete();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "chat {0}: {1}", s.record.id, e.getMessage());
        }
    }

    private void changed(TransferRecord r) {
        persist(r);
        s.ctx.emitDurable(new ChatEvent.TransferChanged(s.record.id, r.id, r.attachment()));
    }

    private void persist(TransferRecord r) {
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

    /** Not outboxed, not acked: each is derived again from state when it is lost (docs/protocol.md 9.4). */
    private void send(Plaintext plaintext) {
        if (!s.link.online() || s.deleted() || s.record.phase != ChatPhase.ACTIVE) {
            return;
        }
        s.link.publish(peer(), plaintext, s.currentKey()).exceptionally(failure -> {
            LOG.log(Level.DEBUG, "chat {0}: a {1} was not published: {2}", s.record.id, plaintext.type(),
                    failure.getMessage());
            return null;
        });
    }

    /** Chunks asked for and not yet come, at most; the next ask goes out when half of them arrived. */
    private int window() {
        return s.ctx.brokerFor().apply(s.record).preferred().getScheme().equals("wss")
                ? WINDOW_OVER_WEBSOCKET : FileWant.WINDOW;
    }

    private InboxId peer() {
        return s.record.peerInbox.orElseThrow();
    }

    private Instant now() {
        return s.ctx.clock().instant();
    }
}
