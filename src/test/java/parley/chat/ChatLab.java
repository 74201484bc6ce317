package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.crypto.ChatId;

/**
 * Chat services on an in-memory broker and a manual clock: the whole chat state machine, real store and real
 * crypto, with no broker, no threads and no sleeps. A command runs at once (the test's thread is the chat thread);
 * what it sets off on the broker runs before the command returns; time moves only in {@link #advance}.
 */
final class ChatLab implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final BrokerProfile BROKER = BrokerProfile.of(URI.create("mqtts://broker.test"));

    final ManualTime time = new ManualTime(START);
    final MemoryBroker broker = new MemoryBroker(time);
    private final Path dir;
    private final List<Peer> peers = new ArrayList<>();

    ChatLab(Path dir) {
        this.dir = dir;
    }

    /** One user: a profile on disk and a chat service on the lab's broker and clock. */
    final class Peer implements AutoCloseable {
        final String name;
        final ChatTimings timings;
        final ProfileStore store;
        final ChatService service;
        final List<ChatEvent> events = new CopyOnWriteArrayList<>();

        private Peer(String name, ChatTimings timings, Consumer<ProfileStore> before) {
            this.name = name;
            this.timings = timings;
            this.store = ProfileStore.open(dir.resolve(name), Optional.empty());
            before.accept(store);
            this.service = ChatService.start(new ChatServiceConfig(store, broker, Optional.of(BROKER),
                    Optional.of(name), time, timings), time);
            service.addListener(events::add);
        }

        /** The result of a command: it ran at once on the manual chat thread. */
        <T> T done(CompletableFuture<T> command) {
            assertThat(command).as(name + "'s command ran").isDone();
            return command.join();
        }

        /** A new invite of this peer's, for the standard validity or {@code validity}. */
        PendingInvite invite() {
            return done(service.createInvite(Optional.empty()));
        }

        PendingInvite invite(Duration validity) {
            return done(service.createInvite(Optional.of(validity)));
        }

        /** Joins {@code invite}: the join is published at once (a held broker keeps it). */
        ChatId join(PendingInvite invite) {
            return done(service.join(invite.link()));
        }

        Message send(ChatId chat, String text) {
            return done(service.send(chat, text));
        }

        ChatRecord record(ChatId chat) {
            return done(service.call(() -> service.session(chat).record));
        }

        InboxId inbox(ChatId chat) {
            return record(chat).ownInbox;
        }

        ChatKey key(ChatId chat) {
            return record(chat).currentEpoch().orElseThrow().key();
        }

        Chat chat(ChatId chat) {
            return done(service.chat(chat));
        }

        long drops(ChatId chat, DropReason reason) {
            return done(service.drops(chat)).getOrDefault(reason, 0L);
        }

        List<String> received(ChatId chat) {
            return events.stream()
                    .filter(e -> e instanceof ChatEvent.MessageAdded m && m.chat().equals(chat) && !m.message().outgoing())
                    .map(e -> ((ChatEvent.MessageAdded) e).message().text())
                    .toList();
        }

        <E extends ChatEvent> List<E> events(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<Delivery> deliveries(MessageId message) {
            return events(ChatEvent.DeliveryChanged.class).stream().filter(e -> e.message().equals(message))
                    .map(ChatEvent.DeliveryChanged::delivery).toList();
        }

        /** The plaintexts published to {@code to}, opened with the keys this peer's chat holds. */
        List<Plaintext> sentTo(ChatId chat, InboxId to) {
            ChatRecord r = record(chat);
            List<ChatKey> keys = new ArrayList<>(r.receiveKeys());
            return broker.publishedTo(to).stream()
                    .map(p -> PayloadCodec.open(p.payload(), keys, to))
                    .filter(o -> o instanceof Opened.Accepted)
                    .map(o -> ((Opened.Accepted) o).plaintext())
                    .toList();
        }

        @Override
        public void close() {
            service.close();
            store.close();
            peers.remove(this);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Peer peer(String name) {
        return peer(name, ChatTimings.standard());
    }

    Peer peer(String name, ChatTimings timings) {
        return peer(name, timings, store -> {});
    }

    /** A peer whose profile already holds what {@code before} put in it when its service starts (and resumes it). */
    Peer peer(String name, ChatTimings timings, Consumer<ProfileStore> before) {
        Peer p = new Peer(name, timings, before);
        peers.add(p);
        return p;
    }

    /** An invite from {@code inviter} joined by {@code joiner}, with everything the broker carries delivered. */
    ChatId[] connect(Peer inviter, Peer joiner) {
        PendingInvite invite = inviter.invite();
        ChatId joined = joiner.join(invite);
        time.runDue();
        assertThat(inviter.chat(invite.chat()).phase()).isEqualTo(ChatPhase.ACTIVE);
        assertThat(joiner.chat(joined).phase()).isEqualTo(ChatPhase.ACTIVE);
        return new ChatId[] {invite.chat(), joined};
    }

    void advance(Duration by) {
        time.advance(by);
    }

    @Override
    public void close() {
        for (Peer p : List.copyOf(peers)) {
            p.close();
        }
    }
}
