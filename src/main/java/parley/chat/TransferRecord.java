package parley.chat;

import java.util.BitSet;
import java.util.Optional;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;

/**
 * One file's transfer as this side keeps it (docs/protocol.md section 9.4): the manifest (with the file key), the
 * state, which chunks are held (receiver) or what the receiver said it holds (sender), and when it was offered.
 * Mutable, confined to the chat thread; {@link TransferRecordCodec} stores it, sealed like the chat's state.
 */
final class TransferRecord {
    final MessageId id;
    final boolean outgoing;
    final FileManifest manifest;
    /** When the manifest was sent (sender clock, ms): the sender offers the file for 30 days from it. */
    final long offeredAt;
    TransferState state;
    /** Receiver: the chunks on disk, each verified. */
    final BitSet held;
    /** Sender: the receiver's last {@code have}. */
    int peerHave;
    Optional<String> problem = Optional.empty();

    TransferRecord(MessageId id, boolean outgoing, FileManifest manifest, long offeredAt, TransferState state,
            BitSet held) {
        this.id = id;
        this.outgoing = outgoing;
        this.manifest = manifest;
        this.offeredAt = offeredAt;
        this.state = state;
        this.held = held;
    }

    int count() {
        return manifest.count();
    }

    /** The receiver's {@code have}: every chunk below it is held. */
    int have() {
        return Math.min(held.nextClearBit(0), count());
    }

    boolean whole() {
        return held.cardinality() == count();
    }

    Attachment attachment() {
        int progress = outgoing ? (state == TransferState.DELIVERED ? count() : peerHave) : held.cardinality();
        return new Attachment(manifest.name(), manifest.size(), manifest.type(), state, progress, count(), problem);
    }

    @Override
    public String toString() {
        return "TransferRecord[" + id + (outgoing ? ", out, " : ", in, ") + state + "]";
    }
}
