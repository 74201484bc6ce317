package parley.ui;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.time.Clock;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import parley.invite.qr.ScanOutcome;

/**
 * Join a friend's invite, four ways ({@link ScanWays}): scan the screen, an image file, the clipboard, or a pasted
 * link. What was found is said in one line ("no QR code found", "a QR code that is not a Parley invite", "this
 * invite expired"); a valid invite is joined at once and the dialog closes.
 */
final class JoinDialog extends JDialog {
    private static final ScanWays.Words WORDS = new ScanWays.Words("join", "an invite", "link",
            "Paste an invite link", "Join", "Join the pasted link", "Link");

    private final JLabel result = new PlainLabel(" ");
    private final Consumer<String> onInvite;
    private final ScanWays ways;

    JoinDialog(JFrame owner, BackgroundTasks tasks, Clock clock, Consumer<String> onInvite) {
        super(owner, "Join an invite", Dialog.ModalityType.MODELESS);
        this.onInvite = onInvite;
        setName("dialog.join");
        ways = new ScanWays(WORDS, tasks, new ScanWays.Listener() {
            @Override
            public void scanned(String source, Scan scan) {
                show(source, InviteReading.of(scan, clock));
            }

            @Override
            public void failed(String source, Throwable failure) {
                say(source + ": " + Failures.message(failure), true);
            }
        });
        result.setName("join.result");
        result.getAccessibleContext().setAccessibleName("Result");
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        content.add(new PlainLabel("Where is your friend's invite?"), BorderLayout.NORTH);
        content.add(ways, BorderLayout.CENTER);
        content.add(result, BorderLayout.SOUTH);
        setContentPane(content);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Puts {@code link} in the link field, as if pasted; the user presses Join as for a pasted link. */
    void fill(String link) {
        ways.field().setText(link);
        ways.field().setCaretPosition(0);
        say("An invite link was opened with Parley: check it is from your friend, then press Join.", false);
    }

    private void show(String source, Sighting sighting) {
        if (sighting.outcome() instanceof ScanOutcome.Invited invited) {
            say(source + ": " + invited.message() + ". Joining…", false);
            onInvite.accept(invited.link());
            dispose();
        } else {
            say(source + ": " + sighting.message(), true);
        }
    }

    private void say(String text, boolean problem) {
        result.setText(text);
        result.setForeground(problem ? UIManager.getColor("Component.error.focusedBorderColor") : UIManager.getColor("Label.foreground"));
        result.getAccessibleContext().setAccessibleDescription(text);
    }

    String resultText() {
        return result.getText();
    }
}
