package parley.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import parley.chat.ChatEvent;
import parley.chat.ChatId;
import parley.chat.ChatService;
import parley.chat.ChatServiceConfig;
import parley.chat.ChatTimings;
import parley.store.ProfileStore;
import parley.testing.BrokerStack;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;

/**
 * A friend of the desktop user in a GUI test, without a window: a profile, a transport and a chat service against
 * the real broker stack. It joins the app's invites and sends through the chat service, fast, instead of typing.
 */
final class CorePeer implements AutoCloseable {
    final String name;
    final ChatService service;
    private final ProfileStore store;
    private final MqttTransport transport;
    private final List<ChatEvent> events = new CopyOnWriteArrayList<>();

    private CorePeer(String name, ProfileStore store, MqttTransport transport, ChatService service) {
        this.name = name;
        this.store = store;
        this.transport = transport;
        this.service = service;
        service.addListener(events::add);
    }

    static CorePeer start(String name, Path profile, BrokerStack stack) {
        ProfileStore store = ProfileStore.open(profile, Optional.empty());
        MqttTransport transport = new MqttTransport();
        BrokerProfile broker = new BrokerProfile(Optional.of(stack.mqttsUri()), Optional.of(stack.wssUri()),
                Optional.empty(), Optional.of(stack.caFile()), Optional.empty(), Optional.empty());
        ChatService service = ChatService.start(new ChatServiceConfig(store, transport, Optional.of(broker),
                new ChatServiceConfig.Access(Optional.of(stack.caFile()), Optional.empty(), Optional.empty()),
                Optional.of(name), Clock.systemUTC(), ChatTimings.standard()));
        return new CorePeer(name, store, transport, service);
    }

    /** Joins {@code app}'s next invite (made with its New invite button) and waits until both sides can chat. */
    ChatId joinInviteOf(AppDriver app) throws Exception {
        String link = app.newInvite().textBox("invite.link").text();
        ChatId chat = service.join(link).get(30, TimeUnit.SECONDS);
        AppDriver.await(name + "'s chat ready", () -> events.stream()
                .anyMatch(e -> e instanceof ChatEvent.ChatReady r && r.chat().equals(chat)));
        AppDriver.await(app.name + " lists " + name + "'s chat as active", () -> app.chats().stream()
                .anyMatch(c -> c.name().equals(name) && c.phase() == parley.chat.ChatPhase.ACTIVE));
        return chat;
    }

    /** Sends {@code text} in {@code chat}; returns once it is stored in this side's outbox. */
    void send(ChatId chat, String text) throws Exception {
        service.send(chat, text).get(30, TimeUnit.SECONDS);
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
