package parley.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.ChatServiceConfig;
import parley.chat.ChatTimings;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;

/**
 * One user of the core in a benchmark: a profile, the transport and the chat service, exactly as the app wires
 * them, against a broker reached over one URL (mqtts or wss) with the stack's CA.
 */
final class BenchParty implements AutoCloseable {
    final ChatService service;
    private final ProfileStore store;
    private final MqttTransport transport;
    private final CopyOnWriteArrayList<Consumer<ChatEvent>> listeners = new CopyOnWriteArrayList<>();

    private BenchParty(ProfileStore store, MqttTransport transport, ChatService service) {
        this.store = store;
        this.transport = transport;
        this.service = service;
        service.addListener(e -> listeners.forEach(l -> l.accept(e)));
    }

    /** Opens (or creates) the profile in {@code dir} and connects every chat it holds. */
    static BenchParty start(String name, Path dir, URI broker, Path caFile) {
        ProfileStore store = ProfileStore.open(dir, Optional.empty());
        MqttTransport transport = new MqttTransport();
        boolean wss = broker.getScheme().equals("wss");
        BrokerProfile profile = new BrokerProfile(wss ? Optional.empty() : Optional.of(broker),
                wss ? Optional.of(broker) : Optional.empty(), Optional.empty(), Optional.of(caFile),
                Optional.empty(), Optional.empty());
        ChatService service = ChatService.start(new ChatServiceConfig(store, transport, Optional.of(profile),
                Optional.of(name), Clock.systemUTC(), ChatTimings.standard()));
        return new BenchParty(store, transport, service);
    }

    void addListener(Consumer<ChatEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<ChatEvent> listener) {
        listeners.remove(listener);
    }

    /** Invites {@code joiner} and waits until both sides are ready; returns the chat's id on each side. */
    static Pair pair(BenchParty inviter, BenchParty joiner) {
        CompletableFuture<ChatId> inviterReady = new CompletableFuture<>();
        CompletableFuture<ChatId> joinerReady = new CompletableFuture<>();
        Consumer<ChatEvent> onInviter = e -> {
            if (e instanceof ChatEvent.ChatReady r) inviterReady.complete(r.chat());
        };
        Consumer<ChatEvent> onJoiner = e -> {
            if (e instanceof ChatEvent.ChatReady r) joinerReady.complete(r.chat());
        };
        inviter.addListener(onInviter);
        joiner.addListener(onJoiner);
        try {
            String link = await(inviter.service.createInvite(Optional.empty()), "the invite").link();
            await(joiner.service.join(link), "the join");
            return new Pair(await(inviterReady, "the inviter's ChatReady"), await(joinerReady, "the joiner's ChatReady"));
        } finally {
            inviter.removeListener(onInviter);
            joiner.removeListener(onJoiner);
        }
    }

    /** A chat as each side names it. */
    record Pair(ChatId atInviter, ChatId atJoiner) {}

    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(what + " did not complete: " + e, e);
        }
    }

    @Override
    public void close() {
        service.close();
        transport.close();
        store.close();
    }
}
