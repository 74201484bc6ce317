package parley.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.ChatTimings;
import parley.chat.Party;
import parley.testing.BrokerStack;

/**
 * A friend of the desktop user in a GUI test, without a window: a profile, a transport and a chat service against
 * the real broker stack. It joins the app's invites and sends through the chat service, fast, instead of typing.
 */
final class CorePeer implements AutoCloseable {
    final String name;
    final ChatService service;
    private final Party party;

    private CorePeer(Party party) {
        this.party = party;
        this.name = party.name;
        this.service = party.service;
    }

    static CorePeer start(String name, Path profile, BrokerStack stack) {
        return new CorePeer(Party.start(name, profile, stack, Optional.of(stack.mqttsUri()),
                Optional.of(stack.wssUri()), ChatTimings.standard()));
    }

    /** Joins {@code app}'s next invite (made with its New invite button) and waits until both sides can chat. */
    ChatId joinInviteOf(AppDriver app) throws Exception {
        String link = app.newInvite().textBox("invite.link").text();
        ChatId chat = service.join(link).get(30, TimeUnit.SECONDS);
        AppDriver.await(name + "'s chat ready", () -> party.events.stream()
                .anyMatch(e -> e instanceof ChatEvent.ChatReady r && r.chat().equals(chat)));
        AppDriver.await(app.name + " lists " + name + "'s chat as active", () -> app.chats().stream()
                .anyMatch(c -> c.name().equals(name) && c.phase() == parley.chat.ChatPhase.ACTIVE));
        return chat;
    }

    /** Everything this friend's chat service has told it, oldest first. */
    java.util.List<ChatEvent> events() {
        return party.events;
    }

    /** Sends {@code text} in {@code chat}; returns once it is stored in this side's outbox. */
    void send(ChatId chat, String text) throws Exception {
        service.send(chat, text).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        party.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
