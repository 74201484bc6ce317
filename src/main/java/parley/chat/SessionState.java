package parley.chat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.Ack;
import parley.protocol.DropReason;
import parley.store.NewMessage;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.StoredMessage;

/**
 * What the parts of one chat's session share: the record, the context, the link to the inbox, the outbox and
 * the ack batch, the drop counts, and whether the chat was deleted. Confined to the chat thread.
 */
final class SessionState {
    private static final System.Logger LOG = System.getLogger(SessionState.class.getName());

    final ChatContext ctx;
    final ChatRecord record;
    final ChatLink link;
    final Outbox outbox;
    final AckBatch acks;
    private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private boolean deleted;

    /** {@code resendDue} re-sends what the outbox says is due. */
    SessionState(ChatContext ctx, ChatRecord record, Runnable resendDue) {
        this.ctx = ctx;
        this.record = record;
        this.link = new ChatLink(ctx, record);
        this.outbox = new Outbox(ctx, resendDue);
        this.acks = new AckBatch(ctx, () -> record.phase == ChatPhase.ACTIVE && !deleted && link.online(), ids -> {
            InboxId peer = record.peerInbox.orElseThrow();
            link.publish(peer, new Ack(MessageId.random(), peer, ctx.clock().millis(), ids), currentKey());
        });
    }

    boolean deleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    /** The key this side sends under: the newest epoch's. */
    ChatKey currentKey() {
        return record.currentEpoch().orElseThrow().key();
    }

    /** Writes the record (one at-rest encrypted blob); a deleted chat writes nothing more. */
    void persist() {
        if (!deleted) {
            byte[] blob = ChatRecordCodec.encode(record);
            try {
                ctx.store().putChat(record.id, blob);
            } finally {
                Arrays.fill(blob, (byte) 0); // it holds the keys; the store has its own (encrypted) copy
            }
        }
    }

    /** Stores a message together with the record that counts it (one transaction), then zeroes the record's blob. */
    StoredMessage storeMessage(MessageId id, Direction direction, long seq, long ts, Status status, String text) {
        byte[] blob = ChatRecordCodec.encode(record);
        try {
            return ctx.store().addMessage(record.id, blob, new NewMessage(id, direction, seq, ts, status,
                    text.getBytes(StandardCharsets.UTF_8)));
        } finally {
            Arrays.fill(blob, (byte) 0);
        }
    }

    /** The rules of the invite's lifetime for this chat, which has an invite that has not been answered. */
    InviteLifetime lifetime() {
        return new InviteLifetime(record.expires.orElseThrow(), ctx.timings().clockSkew());
    }

    Chat snapshot() {
        return ChatSnapshots.of(record, link.state(), ctx.brokerOf().apply(record));
    }

    /** Tells the faces the chat changed. */
    void changed() {
        ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
    }

    /** Counts and reports a payload that is not used; it is never shown. */
    void drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
        LOG.log(Level.DEBUG, "chat {0}: dropped a payload ({1})", record.id, reason.label());
        ctx.emit(new ChatEvent.PayloadDropped(record.id, reason));
    }

    Map<DropReason, Long> drops() {
        return Map.copyOf(drops);
    }
}
