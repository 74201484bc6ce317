package parley.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import parley.crypto.MessageId;
import parley.protocol.Ack;

/**
 * Received ids waiting to share one ack (docs/protocol.md section 6): sent after {@code ackBatch}, at once when
 * {@link Ack#MAX_IDS} are waiting, and on the next connect, each time after the sync that covers them. Acks are not acked: a lost one is answered by the
 * sender's re-send, which is acked again.
 */
final class AckBatch {
    private final ChatContext ctx;
    private final BooleanSupplier canSend;
    private final Consumer<List<MessageId>> send;
    private final List<MessageId> waiting = new ArrayList<>();
    private Scheduler.Scheduled timer;

    AckBatch(ChatContext ctx, BooleanSupplier canSend, Consumer<List<MessageId>> send) {
        this.ctx = ctx;
        this.canSend = canSend;
        this.send = send;
    }

    void add(MessageId id) {
        if (!waiting.contains(id)) {
            waiting.add(id);
        }
        if (waiting.size() >= Ack.MAX_IDS) {
            flush();
        } else if (timer == null) {
            timer = ctx.scheduler().schedule(this::flush, ctx.timings().ackBatch());
        }
    }

    /**
     * Sends what waits, in acks of at most {@link Ack#MAX_IDS} ids, once the messages they name are synced (group
     * commit: an ack promises the sender it may stop re-sending); keeps them while they cannot be sent.
     */
    void flush() {
        cancel();
        if (!waiting.isEmpty()) {
            ctx.commit().afterSync(this::send);
        }
    }

    private void send() {
        if (waiting.isEmpty() || !canSend.getAsBoolean()) {
            return;
        }
        while (!waiting.isEmpty()) {
            List<MessageId> batch = new ArrayList<>(waiting.subList(0, Math.min(Ack.MAX_IDS, waiting.size())));
            waiting.subList(0, batch.size()).clear();
            send.accept(batch);
        }
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
