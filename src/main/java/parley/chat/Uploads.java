package parley.chat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parley.crypto.MessageId;
import parley.protocol.Chunk;
import parley.protocol.DropReason;
import parley.protocol.FileManifest;
import parley.protocol.FileWant;
import parley.store.ChunkFile;
import parley.store.StoreException;

/**
 * The sending side of a chat's files (docs/protocol.md section 9.4): the chunks are sealed into the profile before
 * the manifest goes out; from then on each ask of the receiver is answered with the chunks it names, until it
 * holds them all, the user cancels, or the offer runs out. Confined to the chat thread.
 */
final class Uploads {
    private static final System.Logger LOG = System.getLogger(Uploads.class.getName());
    /** A sender answers one index at most once in this long: a burst of asks queued while it was away costs one. */
    static final Duration ANSWER_GAP = Duration.ofSeconds(5);
    /** How long a sender offers a file after its manifest, as long as the broker keeps an absent peer's session. */
    static final Duration OFFERED_FOR = Duration.ofDays(30);

    private final TransferChannel channel;
    private final Map<MessageId, TransferRecord> outgoing = new HashMap<>();
    /** When each index of a file was last sent. */
    private final Map<MessageId, Map<Integer, Instant>> answered = new HashMap<>();

    Uploads(TransferChannel channel) {
        this.channel = channel;
    }

    /** A record read back from the profile at start. */
    void loaded(TransferRecord r) {
        outgoing.put(r.id, r);
    }

    Optional<TransferRecord> get(MessageId id) {
        return Optional.ofNullable(outgoing.get(id));
    }

    /** Records a file whose chunks are in the profile already; its manifest goes out next, as a message. */
    void offer(MessageId id, FileManifest manifest, long ts) {
        TransferRecord r = new TransferRecord(id, true, manifest, ts, TransferState.SENDING, new BitSet());
        outgoing.put(id, r);
        channel.persist(r);
    }

    /** The peer acked a manifest without {@code "files":1}: its Parley is older and cannot fetch the file. */
    void peerCannotReceive(MessageId id) {
        TransferRecord r = outgoing.get(id);
        if (r != null && r.state == TransferState.SENDING) {
            r.state = TransferState.UNSUPPORTED;
            r.problem = Optional.of("your friend's Parley is older and cannot receive files");
            channel.changed(r);
        }
    }

    void wantArrived(FileWant want) {
        TransferRecord r = outgoing.get(want.file());
        if (r == null) {
            channel.gone(want.file());
            return; // not ours, or deleted: say so, so the peer stops asking
        }
        if (want.have() > r.count() || (!want.want().isEmpty() && want.want().getLast() >= r.count())) {
            channel.drop(DropReason.MALFORMED);
            return;
        }
        if (r.state == TransferState.SENDING
                && channel.now().isAfter(Instant.ofEpochMilli(r.offeredAt).plus(OFFERED_FOR))) {
            r.state = TransferState.CANCELLED;
            r.problem = Optional.of("no longer offered: your friend did not fetch it within 30 days");
            channel.changed(r);
        }
        if (r.state == TransferState.CANCELLED) {
            channel.gone(r.id);
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
            channel.changed(r);
        }
        answer(r, want.want());
    }

    private void answer(TransferRecord r, List<Integer> indices) {
        if (indices.isEmpty() || !channel.online()) {
            return; // asked again on the peer's next connect or silence
        }
        Instant now = channel.now();
        Map<Integer, Instant> sent = answered.computeIfAbsent(r.id, id -> new HashMap<>());
        ChunkFile chunks = channel.chunksOf(r);
        for (int i : indices) {
            Instant last = sent.get(i);
            if (last != null && Duration.between(last, now).compareTo(ANSWER_GAP) < 0) {
                continue;
            }
            byte[] sealed;
            try {
                sealed = chunks.read(i);
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "chat {0}: a file''s chunks are missing from the profile: {1}",
                        channel.s.record.id, e.getMessage());
                r.state = TransferState.CANCELLED;
                r.problem = Optional.of("its copy in your profile is gone: send it again");
                channel.changed(r);
                channel.gone(r.id);
                return;
            }
            sent.put(i, now);
            channel.send(Chunk.of(MessageId.random(), channel.peer(), now.toEpochMilli(), r.id, i, sealed));
        }
    }

    /** Cancels sending one of our files (the peer is told it is gone); false when {@code id} is not ours. */
    boolean cancel(MessageId id) {
        TransferRecord r = outgoing.get(id);
        if (r == null) {
            return false;
        }
        if (r.state == TransferState.SENDING || r.state == TransferState.UNSUPPORTED) {
            r.state = TransferState.CANCELLED;
            r.problem = Optional.of("you cancelled sending it");
            answered.remove(id);
            channel.changed(r);
            channel.gone(id);
        }
        return true;
    }

    /** The chat is deleted: the file keys go with it. */
    void destroy() {
        for (TransferRecord r : outgoing.values()) {
            r.manifest.key().destroy();
        }
    }
}
