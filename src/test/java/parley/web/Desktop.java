package parley.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.ChatServiceConfig;
import parley.chat.ChatTimings;
import parley.store.ProfileStore;
import parley.testing.BrokerStack;
import parley.testing.TestBroker;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;

/** The desktop core as a test peer: a fresh profile, a broker profile (mqtts and wss) and a web client URL. */
final class Desktop implements AutoCloseable {
    final ChatService service;
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    private final ProfileStore store;
    private final MqttTransport transport;

    private Desktop(ProfileStore store, MqttTransport transport, ChatService service) {
        this.store = store;
        this.transport = transport;
        this.service = service;
        service.addListener(events::add);
    }

    static Desktop start(BrokerStack stack, String name) throws Exception {
        return start(stack, stack.httpsUri(), name);
    }

    /** A desktop on any broker profile (with its credentials, if it needs them) whose links open {@code web}. */
    static Desktop start(TestBroker broker, URI web, String name) throws Exception {
        Path profile = Files.createTempDirectory("parley-desktop-");
        ProfileStore store = ProfileStore.open(profile, Optional.empty());
        MqttTransport transport = new MqttTransport();
        Optional<String> user = broker.credentials().map(TestBroker.Credentials::username);
        Optional<String> password = broker.credentials().map(TestBroker.Credentials::password);
        BrokerProfile own = new BrokerProfile(Optional.of(broker.mqttsUri()), Optional.of(broker.wssUri()),
                Optional.of(web), Optional.of(broker.caFile()), user, password);
        ChatService service = ChatService.start(new ChatServiceConfig(store, transport, Optional.of(own),
                Optional.of(name), Clock.systemUTC(),
                ChatTimings.standard().withResend(Duration.ofMillis(1000), Duration.ofSeconds(4))));
        return new Desktop(store, transport, service);
    }

    <E extends ChatEvent> E await(Class<E> type, Predicate<E> test, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (ChatEvent e : events) {
                if (type.isInstance(e) && test.test(type.cast(e))) return type.cast(e);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the desktop waited " + timeout + " for a " + type.getSimpleName() + "; got " + events);
    }

    /** Incoming texts shown to the desktop user, in order. */
    List<String> received(ChatId chat) {
        return events.stream()
                .filter(e -> e instanceof ChatEvent.MessageAdded m && m.chat().equals(chat) && !m.message().outgoing())
                .map(e -> ((ChatEvent.MessageAdded) e).message().text())
                .toList();
    }

    void awaitReceived(ChatId chat, String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (received(chat).contains(text)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the desktop never showed a message of " + text.length() + " chars; it has "
                + received(chat).size() + " messages");
    }

    @Override
    public void close() {
        service.close();
        transport.close();
        store.close();
    }
}
