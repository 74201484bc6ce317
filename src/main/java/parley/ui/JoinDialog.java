package parley.ui;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.GridLayout;
import java.awt.Toolkit;
import java.awt.Window;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;
import parley.invite.qr.ScanOutcome;

/**
 * Join a friend's invite, four ways: scan the screen, an image file, the clipboard, or a pasted link. What was
 * found is said in one line ("no QR code found", "a QR code that is not a Parley invite", "this invite
 * expired"); a valid invite is joined at once and the dialog closes.
 */
final class JoinDialog extends JDialog {
    private final JLabel result = new JLabel(" ");
    private final JTextField link = new JTextField(36);
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final Consumer<String> onInvite;
    private final JFrame owner;
    private final JButton[] buttons;

    JoinDialog(JFrame owner, BackgroundTasks tasks, Clock clock, Consumer<String> onInvite) {
        super(owner, "Join an invite", Dialog.ModalityType.MODELESS);
        this.owner = owner;
        this.tasks = tasks;
        this.clock = clock;
        this.onInvite = onInvite;
        setName("dialog.join");
        JButton scan = button("Scan screen", "join.scan", "Find an invite QR code anywhere on your screens");
        JButton file = button("From image file…", "join.file", "Read an invite QR code from a picture");
        JButton clipboard = button("From clipboard", "join.clipboard", "Use a copied picture or link");
        JButton join = button("Join", "join.link.go", "Join the pasted link");
        buttons = new JButton[] {scan, file, clipboard, join};
        scan.addActionListener(e -> scanScreen());
        file.addActionListener(e -> chooseFile());
        clipboard.addActionListener(e -> run("Reading the clipboard", "Clipboard",
                () -> InviteSources.fromClipboard(Toolkit.getDefaultToolkit().getSystemClipboard(), clock)));
        link.setName("join.link");
        link.putClientProperty("JTextField.placeholderText", "Paste an invite link");
        link.getAccessibleContext().setAccessibleName("Invite link");
        link.addActionListener(e -> join.doClick());
        join.addActionListener(e -> show("Link", InviteSources.fromText(link.getText(), clock)));
        result.setName("join.result");
        result.getAccessibleContext().setAccessibleName("Result");
        JPanel ways = new JPanel(new GridLayout(0, 1, 0, 8));
        ways.add(scan);
        ways.add(file);
        ways.add(clipboard);
        JPanel paste = new JPanel(new BorderLayout(6, 0));
        paste.add(link, BorderLayout.CENTER);
        paste.add(join, BorderLayout.EAST);
        ways.add(paste);
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        content.add(new JLabel("Where is your friend's invite?"), BorderLayout.NORTH);
        content.add(ways, BorderLayout.CENTER);
        content.add(result, BorderLayout.SOUTH);
        setContentPane(content);
        pack();
        setLocationRelativeTo(owner);
    }

    private static JButton button(String label, String name, String description) {
        JButton b = new JButton(label);
        b.setName(name);
        b.getAccessibleContext().setAccessibleName(label.replace("…", ""));
        b.setToolTipText(description);
        return b;
    }

    /** Steps out of the way (hides this app's windows), captures every screen, comes back. */
    private void scanScreen() {
        Window[] mine = {owner, this};
        for (Window w : mine) {
            w.setVisible(false);
        }
        enableWays(false);
        tasks.run("Scanning the screen", () -> {
            Thread.sleep(400); // lets the window system repaint what the hidden windows covered
            return InviteSources.scanScreens(clock);
        }, outcome -> {
            comeBack(mine);
            show("Screen", outcome);
        }, failure -> {
            comeBack(mine);
            fail("Screen", failure);
        });
    }

    private void comeBack(Window[] windows) {
        for (Window w : windows) {
            w.setVisible(true);
        }
        toFront();
        enableWays(true);
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Image with an invite QR code");
        chooser.setFileFilter(new FileNameExtensionFilter("Images", "png", "jpg", "jpeg", "gif", "bmp"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            scanFile(chooser.getSelectedFile().toPath());
        }
    }

    /** Scans an image file, as the file chooser does. */
    void scanFile(Path file) {
        run("Reading " + file.getFileName(), "Image", () -> InviteSources.scanFile(file, clock));
    }

    private void run(String title, String source, Callable<Sighting> work) {
        enableWays(false);
        tasks.run(title, work, outcome -> {
            enableWays(true);
            show(source, outcome);
        }, failure -> {
            enableWays(true);
            fail(source, failure);
        });
    }

    private void enableWays(boolean on) {
        for (JButton b : buttons) {
            b.setEnabled(on);
        }
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

    private void fail(String source, Throwable failure) {
        say(source + ": " + Failures.message(failure), true);
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
