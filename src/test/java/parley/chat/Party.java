package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;
import parley.crypto.ChatId;

/**
 * One user in a chat test: a profile, a transport and a chat service against the real broker stack. Public for
 * the GUI tests' windowless friend ({@code parley.ui.shell.CorePeer}).
 */
public final class Party implements AutoCloseable {
    public final String name;
    final Path profile;
    final ProfileStore store;
    final MqttTransport transport;
    public final ChatService service;
    public final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    private Party(String name, Path profile, ProfileStore store, MqttTransport transport, ChatService service) {
        this.name = name;
        this.profile = profile;
        this.store = store;
        this.transport = transport;
        this.service = service;
    }

    /** A party on any broker under test (the stack or the cluster), with its CA and credentials if it needs them. */
    public static Party start(String name, Path profile, parley.testing.TestBroker broker, Optional<URI> mqtts,
                              Optional<URI> wss, ChatTimings timings) {
        Optional<String> user = broker.credentials().map(parley.testing.TestBroker.Credentials::username);
        Optional<String> password = broker.credentials().map(parley.testing.TestBroker.Credentials::password);
        return start(name, profile, new BrokerProfile(mqtts, wss, Optional.empty(), Optional.of(broker.caFile()), user,
                password), timings);
    }

    /** A party whose own broker is {@code own} (its URLs, CA file and login). */
    public static Party start(String name, Path profile, BrokerProfile own, ChatTimings timings) {
        ProfileStore store = ProfileStore.open(profile, Optional.empty());
        MqttTransport transport = new MqttTransport();
        ChatService service = ChatService.start(new ChatServiceConfig(store, transport, Optional.of(own),
                Optional.of(name), Clock.systemUTC(), timings));
        Party party = new Party(name, profile, store, transport, service);
        service.addListener(party.events::add);
        return party;
    }

    static ChatTimings fastTimings() {
        return ChatTimings.standard().withResend(Duration.ofMillis(700), Duration.ofSeconds(3))
                .withJoinUnanswered(Duration.ofSeconds(3));
    }

    /** Waits for an event matching {@code test}, failing with what did arrive. */
    public <E extends ChatEvent> E await(Class<E> type, Predicate<E> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (ChatEvent e : events) {
                if (type.isInstance(e) && test.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            sleep(20);
        }
        throw new AssertionError(name + " waited " + timeout + " for a " + type.getSimpleName() + "; got " + events);
    }

    /** The texts of incoming messages shown to the user, in arrival order. */
    List<String> receivedTexts(ChatId chat) {
        return events.stream()
                .filter(e -> e instanceof ChatEvent.MessageAdded m && m.chat().equals(chat) && !m.message().outgoing())
                .map(e -> ((ChatEvent.MessageAdded) e).message().text())
                .toList();
    }

    void awaitReceived(ChatId chat, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && receivedTexts(chat).size() < count) {
            sleep(20);
        }
        assertThat(receivedTexts(chat)).as(name + " received").hasSizeGreaterThanOrEqualTo(count);
    }

    /** Waits until {@code count} of this party's messages in {@code chat} reached {@code delivery} (or beyond). */
    void awaitOwn(ChatId chat, Delivery delivery, int count, Duration timeout) {
        eventually(timeout, () -> assertThat(service.history(chat, Long.MAX_VALUE, Math.max(count, 1) * 2 + 100).join()
                .stream().filter(m -> m.outgoing() && m.delivery().compareTo(delivery) >= 0).count())
                .as(name + "'s messages " + delivery).isGreaterThanOrEqualTo(count));
    }

    /** Retries {@code assertion} until it holds or {@code timeout} passes, then fails with its last error. */
    public static void eventually(Duration timeout, Runnable assertion) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                sleep(20);
            }
        }
    }

    InboxId ownInbox(ChatId chat) {
        return service.call(() -> service.session(chat).record.ownInbox).join();
    }

    /** A copy of the chat's current key: the record's own is zeroed when the key is erased. */
    ChatKey chatKey(ChatId chat) {
        return ChatKey.of(heldChatKey(chat).passphrase());
    }

    /** The chat's current key object itself, as the record holds it. */
    ChatKey heldChatKey(ChatId chat) {
        return service.call(() -> service.session(chat).record.currentEpoch().orElseThrow().key()).join();
    }

    ChatKey inviteKey(ChatId chat) {
        return service.call(() -> service.session(chat).record.inviteKey).join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        service.close();
        transport.close();
        store.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
