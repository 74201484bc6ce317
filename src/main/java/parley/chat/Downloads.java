package parley.chat;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import parley.crypto.ChunkCipher;
import parley.crypto.DecryptionException;
import parley.crypto.MessageId;
import parley.protocol.Chunk;
import parley.protocol.DropReason;
import parley.protocol.FileGone;
import parley.protocol.FileManifest;
import parley.protocol.FileWant;
import parley.protocol.Msg;
import parley.store.ChunkFile;
import parley.store.StoreException;

/**
 * The receiving side of a chat's files (docs/protocol.md section 9.4): pulling a window of chunks, checking and
 * keeping each, asking again after a silence or a connect from the first missing one, and at the end checking the
 * whole file's digest, off the chat thread. Every change is stored before it is told; confined to the chat thread.
 */
final class Downloads {
    private static final System.Logger LOG = System.getLogger(Downloads.class.getName());

    private final TransferChannel channel;
    private final LongSupplier autoDownloadLimit;
    /** Where the whole-file digest is checked: it reads and decrypts the file, up to 100 MiB. */
    private final Executor digestWork;
    private final Map<MessageId, TransferRecord> incoming = new HashMap<>();
    private final Map<MessageId, Download> live = new HashMap<>();
    /** Files held whole whose digest is being checked. */
    private final Set<MessageId> checking = new HashSet<>();

    Downloads(TransferChannel channel, LongSupplier autoDownloadLimit, Executor digestWork) {
        this.channel = channel;
        this.autoDownloadLimit = autoDownloadLimit;
        this.digestWork = digestWork;
    }

    /** A record read back from the profile at start. */
    void loaded(TransferRecord r) {
        incoming.put(r.id, r);
        if (r.state == TransferState.DOWNLOADING) {
            live.put(r.id, new Download());
        }
    }

    Optional<TransferRecord> get(MessageId id) {
        return Optional.ofNullable(incoming.get(id));
    }

    /** A manifest arrived (stored just now as a message): fetched at once if small enough, else offered. */
    void manifestArrived(Msg msg) {
        FileManifest manifest = msg.file().orElseThrow();
        boolean automatic = manifest.size() <= autoDownloadLimit.getAsLong();
        TransferRecord r = new TransferRecord(msg.id(), false, manifest, msg.ts(),
                automatic ? TransferState.DOWNLOADING : TransferState.OFFERED, new BitSet(manifest.count()));
        incoming.put(r.id, r);
        channel.persist(r);
        if (automatic) {
            live.put(r.id, new Download());
            ask(r, true);
        }
    }

    void chunkArrived(Chunk chunk) {
        TransferRecord r = incoming.get(chunk.file());
        if (r == null || !(r.state == TransferState.DOWNLOADING || r.state == TransferState.PAUSED)) {
            channel.drop(DropReason.UNEXPECTED);
            return;
        }
        int i = chunk.i();
        if (i >= r.count()) {
            channel.drop(DropReason.MALFORMED);
            return;
        }
        if (r.held.get(i)) {
            channel.drop(DropReason.DUPLICATE);
            return;
        }
        Download d = live.computeIfAbsent(r.id, id -> new Download());
        byte[] sealed = chunk.sealed();
        if (!opens(r, i, sealed)) {
            badChunk(r, d, i);
            return;
        }
        try {
            ChunkFile chunks = channel.chunksOf(r);
            chunks.write(i, sealed);
            channel.s.ctx.commit().forceWithNextSync(chunks); // before the record that counts it reaches the disk
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "chat {0}: could not keep a file chunk: {1}", channel.s.record.id,
                    e.getMessage());
            return; // not held: asked for again after the next silence
        }
        r.held.set(i);
        d.outstanding.remove(i);
        d.arrivedSinceAsk++;
        d.progressed();
        if (r.whole()) {
            channel.persist(r);
            check(r);
            return;
        }
        channel.changed(r);
        if (r.state == TransferState.DOWNLOADING
                && (d.arrivedSinceAsk >= Math.max(1, channel.window() / 2) || d.outstanding.isEmpty())) {
            ask(r, false);
        } else if (r.state == TransferState.DOWNLOADING) {
            armTimer(r, d);
        }
    }

    /** Whether chunk {@code i} is this file's, at this index, under its key, with zero padding (section 9.2). */
    private static boolean opens(TransferRecord r, int i, byte[] sealed) {
        byte[] plain;
        try {
            plain = ChunkCipher.open(r.manifest.key(), r.id.value(), i, r.count(), sealed);
        } catch (DecryptionException e) {
            return false;
        }
        try {
            for (int b = ChunkCipher.lengthOf(i, r.manifest.size()); b < plain.length; b++) {
                if (plain[b] != 0) {
                    return false;
                }
            }
            return true;
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    /** Dropped and counted; the index leaves the window, so the next ask names it again. */
    private void badChunk(TransferRecord r, Download d, int i) {
        channel.drop(DropReason.BAD_CHUNK);
        d.outstanding.remove(i);
        if (r.state == TransferState.DOWNLOADING) {
            ask(r, false);
        }
    }

    /**
     * Every chunk is held: the digest decides whether it is the file the manifest announced. It is read on the
     * file executor, so a 100 MiB file does not hold up the chat thread; a restart meanwhile checks it again.
     */
    private void check(TransferRecord r) {
        cancelDownload(r.id);
        if (!checking.add(r.id)) {
            return;
        }
        ChunkFile chunks = channel.chunksOf(r);
        try {
            CompletableFuture.supplyAsync(() -> FileDigest.check(chunks, r.manifest, r.id), digestWork)
                    .whenComplete((check, failure) -> channel.s.ctx.scheduler().execute(() -> checked(r, check,
                            failure)));
        } catch (RejectedExecutionException closing) {
            checking.remove(r.id); // the service is closing: the next start checks it
        }
    }

    private void checked(TransferRecord r, FileDigest.Check check, Throwable failure) {
        checking.remove(r.id);
        if (failure != null) {
            LOG.log(Level.WARNING, "chat {0}: a received file could not be checked (again on the next connect): {1}",
                    channel.s.record.id, failure.toString());
            return;
        }
        if (channel.s.deleted() || !r.whole()
                || !(r.state == TransferState.DOWNLOADING || r.state == TransferState.PAUSED)) {
            return; // deleted, or given up as gone meanwhile
        }
        if (!check.damaged().isEmpty()) {
            LOG.log(Level.WARNING, "chat {0}: {1} chunks of a received file were lost from the profile''s disk "
                    + "(a crash before they were synced?): asking for them again", channel.s.record.id,
                    check.damaged().size());
            check.damaged().forEach(r.held::clear);
            channel.changed(r);
            if (r.state == TransferState.DOWNLOADING) {
                live.put(r.id, new Download());
                ask(r, true);
            }
            return;
        }
        if (check.matches()) {
            r.state = TransferState.COMPLETE;
            r.problem = Optional.empty();
            channel.changed(r);
            sendWant(r, List.of());
        } else {
            LOG.log(Level.INFO, "chat {0}: a received file does not match its digest", channel.s.record.id);
            channel.drop(DropReason.BAD_CHUNK);
            r.state = TransferState.FAILED;
            r.problem = Optional.of("the file does not match what its sender announced");
            r.held.clear();
            channel.discardChunks(r);
            channel.changed(r);
        }
    }

    void goneArrived(FileGone gone) {
        TransferRecord r = incoming.get(gone.file());
        if (r == null || r.state == TransferState.COMPLETE || r.state == TransferState.GONE
                || r.state == TransferState.FAILED) {
            channel.drop(DropReason.UNEXPECTED);
            return;
        }
        cancelDownload(r.id);
        r.state = TransferState.GONE;
        r.problem = Optional.of("your friend no longer offers this file");
        r.held.clear();
        channel.discardChunks(r);
        channel.changed(r);
    }

    /** After every connect: each download asks again from its first missing chunk (or checks what it holds). */
    void connected() {
        for (TransferRecord r : incoming.values()) {
            if (r.state == TransferState.DOWNLOADING) {
                if (r.whole()) {
                    check(r);
                } else {
                    ask(r, true);
                }
            }
        }
    }

    /**
     * Asks for the first missing chunks not already asked for, up to the window ({@code fresh}: forgetting what was
     * asked before, after a connect or a silence). The ask goes out once the chunks it counts as held are synced.
     */
    private void ask(TransferRecord r, boolean fresh) {
        Download d = live.computeIfAbsent(r.id, id -> new Download());
        if (fresh) {
            d.outstanding.clear();
        }
        List<Integer> want = new ArrayList<>();
        int window = channel.window();
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
        channel.s.ctx.commit().afterSync(() -> channel.send(
                new FileWant(MessageId.random(), channel.peer(), channel.now().toEpochMilli(), r.id, have, want)));
    }

    private void armTimer(TransferRecord r, Download d) {
        d.cancelTimer();
        d.timer = channel.s.ctx.scheduler().schedule(() -> {
            d.timer = null;
            if (r.state == TransferState.DOWNLOADING && !channel.s.deleted()) {
                d.silent();
                ask(r, true);
            }
        }, d.backoff);
    }

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
                channel.changed(r);
                if (r.whole()) {
                    check(r); // paused while its digest was checked
                } else {
                    live.put(r.id, new Download());
                    ask(r, true);
                }
            }
            case DOWNLOADING, COMPLETE -> { } // already on its way, or here
            case GONE -> throw new ChatException(ChatException.Problem.FILE, "your friend no longer offers this file");
            case SENDING, DELIVERED, CANCELLED, UNSUPPORTED -> throw new IllegalStateException("not an incoming state");
        }
    }

    /** Pauses a download; what arrived is kept. */
    void pause(MessageId id) {
        TransferRecord r = incoming.get(id);
        if (r == null) {
            throw new ChatException(ChatException.Problem.FILE, "that message carries no file");
        }
        if (r.state == TransferState.DOWNLOADING) {
            cancelDownload(id);
            r.state = TransferState.PAUSED;
            channel.changed(r);
        }
    }

    void close() {
        for (Download d : live.values()) {
            d.cancelTimer();
        }
    }

    /** The chat is deleted: the file keys go with it (the store deletes the chunks and the records). */
    void destroy() {
        close();
        live.clear();
        for (TransferRecord r : incoming.values()) {
            r.manifest.key().destroy();
        }
    }

    private void cancelDownload(MessageId id) {
        Download d = live.remove(id);
        if (d != null) {
            d.cancelTimer();
        }
    }
}
