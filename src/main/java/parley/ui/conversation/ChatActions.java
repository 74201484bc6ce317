package parley.ui.conversation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import parley.chat.Chat;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.ui.kit.PlainText;
import parley.ui.shell.StatusLine;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/** What the user can do to the open chat: rename it, delete it (after a confirmation), see its state. */
public final class ChatActions {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    static final String DELETE = "Delete";
    static final String CANCEL = "Cancel";

    private final JFrame frame;
    private final StatusLine status;

    public ChatActions(JFrame frame, StatusLine status) {
        this.frame = frame;
        this.status = status;
    }

    public void rename(ChatService service, Chat chat) {
        Object answer = JOptionPane.showInputDialog(frame, PlainText.lines("New name for " + chat.name() + ":"), "Rename chat",
                JOptionPane.PLAIN_MESSAGE, null, null, chat.name());
        if (answer instanceof String name && !name.isBlank() && !name.strip().equals(chat.name())) {
            service.rename(chat.id(), name.strip()).whenCompleteAsync(Edt.guard((ok, failure) -> {
                if (failure != null) {
                    status.notice("Not renamed: " + Failures.message(failure));
                }
            }), Edt.EXECUTOR);
        }
    }

    public void delete(ChatService service, Chat chat) {
        // the button says what it does, and Enter (the default) keeps the chat: deleting cannot be undone
        Object[] options = {DELETE, CANCEL};
        int answer = JOptionPane.showOptionDialog(frame,
                PlainText.lines("Delete \"" + chat.name() + "\"?\nIts keys and its whole history are wiped from this "
                        + "computer, and the broker forgets its inbox. This cannot be undone."),
                "Delete chat", JOptionPane.DEFAULT_OPTION, JOptionPane.WARNING_MESSAGE, null, options, CANCEL);
        if (answer == 0) {
            service.delete(chat.id()).whenCompleteAsync(Edt.guard((ok, failure) -> status.notice(failure == null
                    ? "Deleted " + chat.name() : "Not deleted: " + Failures.message(failure))), Edt.EXECUTOR);
        }
    }

    /** The chat's state in words; for an open invite, offers to show its QR code again. */
    public boolean showDetails(Chat chat) {
        StringBuilder text = new StringBuilder();
        text.append("Name: ").append(chat.name()).append('\n');
        text.append("State: ").append(switch (chat.phase()) {
            case INVITED -> "invite open, waiting for your friend to join";
            case JOINING -> "joined, waiting for the inviter's welcome";
            case EXPIRED -> "the invite expired before your friend answered: delete this chat and ask for a new invite";
            case ACTIVE -> "chatting (key epoch " + chat.epoch() + (chat.verified() ? ", verified" : "") + ")";
        }).append('\n');
        text.append("You ").append(chat.inviter() ? "invited" : "joined").append(": ").append(WHEN.format(chat.created())).append('\n');
        chat.expires().filter(e -> chat.phase() != ChatPhase.ACTIVE)
                .ifPresent(e -> text.append("Invite valid until: ").append(WHEN.format(e)).append('\n'));
        text.append("Broker: ").append(chat.broker().describe()).append('\n');
        text.append("Connection: ").append(chat.connection().detail()).append('\n');
        text.append("Unread: ").append(chat.unread());
        if (chat.phase() == ChatPhase.INVITED) {
            Object[] options = {"Show invite", "Close"};
            return JOptionPane.showOptionDialog(frame, PlainText.lines(text.toString()), "Chat details", JOptionPane.DEFAULT_OPTION,
                    JOptionPane.INFORMATION_MESSAGE, null, options, options[0]) == 0;
        }
        JOptionPane.showMessageDialog(frame, PlainText.lines(text.toString()), "Chat details", JOptionPane.INFORMATION_MESSAGE);
        return false;
    }
}
