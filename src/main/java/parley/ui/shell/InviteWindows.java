package parley.ui.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.swing.JFrame;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.chat.PendingInvite;
import parley.ui.invite.InviteDialog;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * The open invites' dialogs, one per invite chat: made on New invite (or shown again from the chat's details),
 * told when their invite goes live, is joined or ends. On the EDT.
 */
final class InviteWindows {
    private final JFrame owner;
    private final StatusLine status;
    private final Map<ChatId, InviteDialog> open = new HashMap<>();

    InviteWindows(JFrame owner, StatusLine status) {
        this.owner = owner;
        this.status = status;
    }

    /** New invite: asks the service for one and shows it. */
    void create(ChatService service) {
        status.notice("Making an invite…");
        service.createInvite(Optional.empty()).whenCompleteAsync(Edt.guard((invite, failure) -> {
            if (failure != null) {
                status.notice("No invite: " + Failures.message(failure));
                return;
            }
            status.notice("");
            show(service, invite);
        }), Edt.EXECUTOR);
    }

    /** Shows {@code invite}'s dialog, the one already open if there is one. */
    void show(ChatService service, PendingInvite invite) {
        InviteDialog dialog = open.get(invite.chat());
        if (dialog == null || !dialog.isDisplayable()) {
            dialog = new InviteDialog(owner, invite, () -> {
                open.remove(invite.chat());
                service.delete(invite.chat());
            });
            open.put(invite.chat(), dialog);
        }
        dialog.setVisible(true);
        dialog.toFront();
    }

    void live(ChatId id) {
        Optional.ofNullable(open.get(id)).ifPresent(InviteDialog::live);
    }

    /** The invite's chat changed: while not joined yet, the dialog says what its connection is doing. */
    void changed(Chat snapshot) {
        InviteDialog dialog = open.get(snapshot.id());
        if (dialog != null && snapshot.phase() == ChatPhase.INVITED) {
            dialog.notLiveYet(snapshot.connection().detail());
        }
    }

    /**
     * The friend joined: the dialog says so (and asks for a name when none came, {@code rename} keeping it);
     * {@code true} if this app showed it (so the chat is to be opened).
     */
    boolean joined(ChatId id, Chat snapshot,
            java.util.function.Function<String, java.util.concurrent.CompletableFuture<Void>> rename) {
        InviteDialog dialog = open.remove(id);
        if (dialog != null) {
            dialog.joined(snapshot, rename);
        }
        return dialog != null;
    }

    void ended(ChatId id, String why) {
        InviteDialog dialog = open.remove(id);
        if (dialog != null) {
            dialog.ended(why);
        }
    }

    void closeAll() {
        open.values().forEach(InviteDialog::dispose);
        open.clear();
    }
}
