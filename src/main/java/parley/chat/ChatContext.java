package parley.chat;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.transport.Transport;

/**
 * What a chat session works with, and all it sees of the service: the profile's store, the transport, the broker
 * a chat talks through (and how the user sees it: their own or another), the name sent in handshakes, the clock and scheduler of the chat thread, the timings,
 * where its events go, how an open invite is shown (its link, and whether it is live), and the group commit that
 * what promises durability waits for, up to which size a received file is fetched by itself, and where file bytes
 * are read and written (never on the chat thread, apart from single chunks).
 */
record ChatContext(ProfileStore store, Transport transport, Function<ChatRecord, BrokerProfile> brokerFor,
                   Function<ChatRecord, ChatBroker> brokerOf,
                   Optional<String> displayName, Clock clock, Scheduler scheduler, ChatTimings timings,
                   Consumer<ChatEvent> events, BiFunction<ChatRecord, Boolean, PendingInvite> pendingInvite,
                   GroupCommit commit, java.util.function.LongSupplier autoDownloadLimit,
                   java.util.concurrent.Executor fileWork) {
    void emit(ChatEvent event) {
        events.accept(event);
    }

    /** Emits {@code event} once what the chat thread wrote so far is synced (a message shown is on disk). */
    void emitDurable(ChatEvent event) {
        commit.afterSync(() -> events.accept(event));
    }
}
