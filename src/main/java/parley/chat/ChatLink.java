package parley.chat;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;
import parley.transport.InboxConnection;
import parley.transport.NotConnectedException;

/**
 * A chat's connection to its own inbox, through the transport port: what arrives is handed to the session on the
 * chat thread, and only while the inbox is still the chat's; what goes out is sealed here.
 */
final class ChatLink {
    private static final System.Logger LOG = System.getLogger(ChatLink.class.getName());

    private final ChatContext ctx;
    private final ChatRecord record;
    private InboxConnection connection;
    private ConnectionState state = new ConnectionState.Closed();

    ChatLink(ChatContext ctx, ChatRecord record) {
        this.ctx = ctx;
        this.record = record;
    }

    /**
     * Connects the chat's current inbox. {@code received} gets (payload, retained) and {@code changed} the new
     * state, both on the chat thread, until the link is closed or the chat moved to another inbox.
     */
    void open(BiConsumer<byte[], Boolean> received, Consumer<ConnectionState> changed) {
        InboxId inbox = record.ownInbox;
        InboxConnection[] opened = new InboxConnection[1];
        opened[0] = ctx.transport().open(ctx.brokerFor().apply(record), inbox, new ConnectionListener() {
            @Override
            public void onMessage(byte[] payload, boolean retained) {
                if (connection == opened[0] && record.ownInbox.equals(inbox)) {
                    received.accept(payload, retained);
                }
            }

            @Override
            public void onStateChanged(ConnectionState next) {
                if (connection == opened[0] && record.ownInbox.equals(inbox)) {
                    state = next;
                    changed.accept(next);
                }
            }
        }, ctx.scheduler());
        connection = opened[0];
        connection.start();
    }

    boolean online() {
        return state instanceof ConnectionState.Connected;
    }

    ConnectionState state() {
        return state;
    }

    /**
     * Seals {@code plaintext} under {@code key} and publishes it to {@code to}; fails with
     * {@link NotConnectedException} when the link is closed (a connecting link lets the transport decide).
     */
    CompletableFuture<Void> publish(InboxId to, Plaintext plaintext, ChatKey key) {
        return publishSealed(to, PayloadCodec.seal(plaintext, key));
    }

    CompletableFuture<Void> publishSealed(InboxId to, byte[] payload) {
        if (connection == null) {
            return CompletableFuture.failedFuture(new NotConnectedException("the chat's connection is closed"));
        }
        return connection.publish(to, payload);
    }

    void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        state = new ConnectionState.Closed();
    }

    /** Makes the broker forget an inbox's session, so nothing queued for it survives (docs/protocol.md section 4). */
    CompletableFuture<Void> retire(InboxId inbox) {
        CompletableFuture<Void> retired = ctx.transport().open(ctx.brokerFor().apply(record), inbox,
                new ConnectionListener() {
                    @Override
                    public void onMessage(byte[] payload, boolean retained) {}

                    @Override
                    public void onStateChanged(ConnectionState ignored) {}
                }, ctx.scheduler()).retire();
        return retired.whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "could not retire inbox {0} yet: {1}", inbox.abbreviated(),
                        failure.getMessage());
            }
        }, ctx.scheduler());
    }
}
