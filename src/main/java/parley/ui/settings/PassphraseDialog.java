package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import parley.ui.kit.PlainLabel;
import parley.ui.threads.Edt;

/**
 * Asks for the passphrase of a locked profile. Unlock hands the typed characters to the app, which derives the key
 * off the EDT (Argon2id takes a visible moment, so the dialog shows progress) and clears the array after; a wrong
 * passphrase comes back here with {@link #wrong()} for another try. Cancel (or closing the dialog) quits the app.
 */
public final class PassphraseDialog extends JDialog {
    private final JPasswordField passphrase = new JPasswordField(24);
    private final JLabel problem = new PlainLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final JButton unlock = new JButton("Unlock");
    private final JButton cancel = new JButton("Quit");
    private final Consumer<char[]> onUnlock;
    private final Runnable onCancel;

    public PassphraseDialog(JFrame owner, String profileName, Consumer<char[]> onUnlock, Runnable onCancel) {
        super(owner, "Unlock " + profileName, Dialog.ModalityType.DOCUMENT_MODAL);
        this.onUnlock = onUnlock;
        this.onCancel = onCancel;
        setName("dialog.passphrase");
        passphrase.setName("passphrase.field");
        passphrase.getAccessibleContext().setAccessibleName("Passphrase");
        problem.setName("passphrase.problem");
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        progress.setName("passphrase.progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        unlock.setName("passphrase.unlock");
        cancel.setName("passphrase.cancel");
        unlock.addActionListener(e -> submit());
        cancel.addActionListener(e -> cancel());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                if (cancel.isEnabled()) {
                    cancel();
                }
            }
        });

        JPanel form = new JPanel();
        form.setLayout(new BoxLayout(form, BoxLayout.Y_AXIS));
        form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
        JLabel intro = new PlainLabel("This profile is protected by a passphrase.");
        JLabel label = new PlainLabel("Passphrase:");
        label.setLabelFor(passphrase);
        label.setDisplayedMnemonic('P');
        for (var c : new javax.swing.JComponent[] {intro, label, passphrase, problem, progress}) {
            c.setAlignmentX(LEFT_ALIGNMENT);
            form.add(c);
            form.add(javax.swing.Box.createVerticalStrut(6));
        }
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(unlock);
        add(form, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(unlock);
        pack();
        setLocationRelativeTo(owner);
    }

    /** The passphrase did not unlock the profile: says so and lets the user try again. */
    public void wrong() {
        Edt.require();
        busy(false);
        problem.setText("Wrong passphrase. Try again.");
        passphrase.requestFocusInWindow();
    }

    private void submit() {
        char[] typed = passphrase.getPassword();
        // the field's document keeps its own copy: empty it so only the array handed on holds the passphrase
        passphrase.setText("");
        if (typed.length == 0) {
            problem.setText("Enter the passphrase.");
            return;
        }
        problem.setText(" ");
        busy(true);
        onUnlock.accept(typed);
    }

    private void busy(boolean busy) {
        passphrase.setEnabled(!busy);
        unlock.setEnabled(!busy);
        progress.setVisible(busy);
        progress.setString(busy ? "Unlocking…" : null);
        progress.setStringPainted(busy);
    }

    private void cancel() {
        dispose();
        onCancel.run();
    }
}
