package parley.ui.shell;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JFrame;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.ui.invite.JoinDialog;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * Join: the join dialog (paste, scan or open a link, then confirm), and what follows in the main window: a
 * failure in the status line, or the new chat selected while it waits for the welcome. On the EDT.
 */
final class JoinFlow {
    private final JFrame owner;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final StatusLine status;
    private final Supplier<ChatService> service;
    private final Consumer<ChatId> onJoined;

    JoinFlow(JFrame owner, BackgroundTasks tasks, Clock clock, StatusLine status, Supplier<ChatService> service,
             Consumer<ChatId> onJoined) {
        this.owner = owner;
        this.tasks = tasks;
        this.clock = clock;
        this.status = status;
        this.service = service;
        this.onJoined = onJoined;
    }

    void open() {
        dialog().setVisible(true);
    }

    /**
     * The join dialog with {@code link} filled in as if pasted (the app was started with a {@code parley:} link):
     * the user joins it the way a pasted link is joined, through the confirmation.
     */
    void open(String link) {
        JoinDialog dialog = dialog();
        dialog.fill(link);
        dialog.setVisible(true);
        dialog.toFront();
    }

    private JoinDialog dialog() {
        ChatService chats = service.get();
        return new JoinDialog(owner, tasks, clock, chats::brokerOf, chats::reuseOf, link -> chats.join(link).whenCompleteAsync(
                Edt.guard((id, failure) -> {
                    if (failure != null) {
                        status.notice("Could not join: " + Failures.message(failure));
                    } else {
                        status.notice("Joined; waiting for the welcome");
                        onJoined.accept(id);
                    }
                }), Edt.EXECUTOR));
    }
}
