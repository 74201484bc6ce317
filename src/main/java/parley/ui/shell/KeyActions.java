package parley.ui.shell;

import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JFrame;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.ui.conversation.ChatActions;
import parley.ui.conversation.ChatInfoDialog;
import parley.ui.conversation.ChatInfoDialogs;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * The open chat's details and keys: Chat info (the verification dialog for an agreed chat, the state in words
 * for one not yet agreed, with its invite to show again), Verify, and Refresh keys. On the EDT.
 */
final class KeyActions {
    final ChatInfoDialogs infos = new ChatInfoDialogs();
    private final JFrame owner;
    private final BackgroundTasks tasks;
    private final StatusLine status;
    private final ChatActions chatActions;
    private final InviteWindows invites;
    private final Supplier<ChatService> service;
    private final Function<ChatId, String> nameOf;

    KeyActions(JFrame owner, BackgroundTasks tasks, StatusLine status, ChatActions chatActions, InviteWindows invites,
               Supplier<ChatService> service, Function<ChatId, String> nameOf) {
        this.owner = owner;
        this.tasks = tasks;
        this.status = status;
        this.chatActions = chatActions;
        this.invites = invites;
        this.service = service;
        this.nameOf = nameOf;
    }

    void details(Chat c) {
        if (c.phase() == ChatPhase.ACTIVE) {
            verify(c);
        } else if (chatActions.showDetails(c)) {
            ChatService chats = service.get();
            chats.pendingInvite(c.id()).whenCompleteAsync(Edt.guard((invite, failure) -> {
                if (failure == null) {
                    invites.show(chats, invite);
                } else {
                    status.notice(Failures.sentence(failure));
                }
            }), Edt.EXECUTOR);
        }
    }

    void verify(Chat chat) {
        infos.show(chat.id(), () -> new ChatInfoDialog(owner, service.get(), chat, tasks, () -> refresh(chat.id())));
    }

    void refresh(ChatId id) {
        String name = nameOf.apply(id);
        service.get().rekey(id).whenCompleteAsync(Edt.guard((ok, failure) -> status.notice(failure == null
                ? "Refreshing the keys with " + name + "…" : "Keys not refreshed: " + Failures.message(failure))),
                Edt.EXECUTOR);
    }
}
