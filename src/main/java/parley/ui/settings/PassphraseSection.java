package parley.ui.settings;

import java.awt.CardLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.Window;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import parley.ui.kit.DocumentEdits;
import parley.ui.kit.PlainLabel;
import parley.ui.profile.DesktopProfile;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Failures;

/**
 * Settings' passphrase section: whether the open profile is encrypted at rest, and Set, Change or Remove its
 * passphrase. Change and Remove ask for the current passphrase although the profile is open: the computer may be
 * unattended, and nobody passing by should take the protection off or lock the owner out with a passphrase of
 * their own. Setting the first one asks for none (there is none to ask for; the profile files are readable as they
 * are). The work (checking the current passphrase and deriving the new key, Argon2id each, then re-encrypting the
 * whole profile) runs on the app's background executor while the section shows "Applying…"; typed arrays are
 * cleared after, and every try empties the fields so no Swing document keeps a passphrase.
 */
public final class PassphraseSection extends JPanel {
    public static final String PROTECTED = "Protected by a passphrase: your keys and history are encrypted on disk.";
    public static final String NOT_PROTECTED = "Not protected: your keys and history are stored unencrypted. Anyone who can"
            + " use your account or read its files (a backup, a stolen disk) can read your chats.";
    /** The long one on two lines. */
    private static final String NOT_PROTECTED_WRAPPED = "<html>" + NOT_PROTECTED.replace(" use your account", " use your<br>account");
    private static final String MESSAGES = "messages";
    private static final String WORKING = "working";
    /** Below this many characters the hint suggests a longer passphrase; it never refuses one. */
    static final int SHORT = 12;

    private final DesktopProfile profile;
    private final BackgroundTasks tasks;
    private final Consumer<Boolean> onChanged;
    private final Consumer<String> noticeWhenClosed;
    private final JLabel state = PlainLabel.ownMarkup(""); // only PROTECTED or NOT_PROTECTED_WRAPPED
    private final JLabel currentLabel = new PlainLabel("Current passphrase:");
    private final JPasswordField current = field("settings.passphrase.current", "Current passphrase");
    private final JPasswordField next = field("settings.passphrase.new", "New passphrase");
    private final JPasswordField repeat = field("settings.passphrase.repeat", "Repeat the new passphrase");
    private final JLabel hint = new PlainLabel(" ");
    private final JLabel problem = new PlainLabel(" ");
    private final JLabel done = new PlainLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final CardLayout feedbackCards = new CardLayout();
    private final JPanel feedback = new JPanel(feedbackCards);
    private final JButton apply = new JButton();
    private final JButton remove = new JButton("Remove passphrase…");
    private boolean hasPassphrase;

    /**
     * @param hasPassphrase whether the profile is protected now
     * @param onChanged told on the EDT whether it is protected after a change
     * @param noticeWhenClosed shows a result that arrives after the dialog was closed (the status line)
     */
    public PassphraseSection(DesktopProfile profile, boolean hasPassphrase, BackgroundTasks tasks,
            Consumer<Boolean> onChanged, Consumer<String> noticeWhenClosed) {
        super(new GridBagLayout());
        this.profile = profile;
        this.tasks = tasks;
        this.onChanged = onChanged;
        this.noticeWhenClosed = noticeWhenClosed;
        setName("settings.passphrase");
        setBorder(BorderFactory.createTitledBorder("Passphrase"));
        state.setName("settings.passphrase.state");
        hint.setName("settings.passphrase.hint");
        problem.setName("settings.passphrase.problem");
        problem.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        done.setName("settings.passphrase.done");
        progress.setName("settings.passphrase.progress");
        progress.setIndeterminate(true);
        progress.setString("Applying…");
        progress.setStringPainted(true);
        progress.getAccessibleContext().setAccessibleName("Applying the passphrase");
        apply.setName("settings.passphrase.apply");
        remove.setName("settings.passphrase.remove");
        remove.setMnemonic('m');
        apply.addActionListener(e -> change());
        remove.addActionListener(e -> remove());
        // Enter moves down the form, and applies from the last field
        current.addActionListener(e -> next.requestFocusInWindow());
        next.addActionListener(e -> repeat.requestFocusInWindow());
        repeat.addActionListener(e -> change());
        DocumentEdits.onAnyEdit(next.getDocument(), this::hint);

        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 4, 8, 4);
        add(state, c);
        row(1, currentLabel, 'u', current);
        row(2, new PlainLabel("New passphrase:"), 'N', next);
        row(3, new PlainLabel("Repeat new passphrase:"), 'R', repeat);
        c.gridx = 1;
        c.gridwidth = 1;
        c.insets = new Insets(0, 4, 2, 4);
        add(hint, c);
        c.gridx = 0;
        c.gridwidth = 2;
        add(new PlainLabel("There is no way to recover a forgotten passphrase, nor the chats it protects."), c);
        c.insets = new Insets(6, 4, 2, 4);
        c.fill = GridBagConstraints.HORIZONTAL;
        add(feedback(), c);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(remove);
        buttons.add(apply);
        c.anchor = GridBagConstraints.EAST;
        c.fill = GridBagConstraints.NONE;
        add(buttons, c);
        showProtection(hasPassphrase);
    }

    /** The messages, or the progress bar in their place while a change runs: the dialog keeps its size. */
    private JPanel feedback() {
        JPanel messages = new JPanel(new GridLayout(0, 1, 0, 2));
        messages.add(problem);
        messages.add(done);
        JPanel working = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        working.add(progress, c);
        feedback.add(messages, MESSAGES);
        feedback.add(working, WORKING);
        return feedback;
    }

    private void row(int y, JLabel label, char mnemonic, JComponent field) {
        label.setLabelFor(field);
        label.setDisplayedMnemonic(mnemonic);
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 4, 3, 8);
        add(label, c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
    }

    private static JPasswordField field(String name, String accessible) {
        JPasswordField f = new JPasswordField(24);
        f.setName(name);
        f.getAccessibleContext().setAccessibleName(accessible);
        return f;
    }

    /** Shows the protection as it is now: Set for a profile without passphrase, Change and Remove for one with. */
    private void showProtection(boolean protectedNow) {
        hasPassphrase = protectedNow;
        String said = protectedNow ? PROTECTED : NOT_PROTECTED;
        // screen readers get the sentence without the markup
        state.setText(protectedNow ? PROTECTED : NOT_PROTECTED_WRAPPED);
        state.getAccessibleContext().setAccessibleName(said);
        currentLabel.setVisible(protectedNow);
        current.setVisible(protectedNow);
        remove.setVisible(protectedNow);
        apply.setText(protectedNow ? "Change passphrase" : "Set passphrase");
        apply.setMnemonic(protectedNow ? 'C' : 'S');
        Window window = SwingUtilities.getWindowAncestor(this);
        if (window != null && window.isShowing()) {
            window.pack(); // the current-passphrase row came or went; not on a closed dialog (pack would revive it)
        }
    }

    private void hint() {
        int length = next.getDocument().getLength();
        hint.setText(length > 0 && length < SHORT
                ? "Short: a few unrelated words make a stronger passphrase." : " ");
    }

    private void change() {
        Optional<char[]> currentTyped = typedCurrent();
        char[] typed = next.getPassword();
        char[] again = repeat.getPassword();
        clearFields();
        String trouble = null;
        JComponent focus = next;
        if (currentTyped.isPresent() && currentTyped.get().length == 0) {
            trouble = "Enter your current passphrase.";
            focus = current;
        } else if (typed.length == 0) {
            trouble = "Enter a new passphrase.";
        } else if (!Arrays.equals(typed, again)) {
            trouble = "The new passphrases differ: type the same one twice.";
        }
        Arrays.fill(again, '\0');
        if (trouble != null) {
            clear(currentTyped);
            Arrays.fill(typed, '\0');
            refuse(trouble, focus);
            return;
        }
        apply(currentTyped, Optional.of(typed), hasPassphrase ? "Passphrase changed." : "Passphrase set.");
    }

    private void remove() {
        Optional<char[]> currentTyped = typedCurrent();
        clearFields();
        if (currentTyped.isEmpty() || currentTyped.get().length == 0) {
            clear(currentTyped);
            refuse("Enter your current passphrase to remove it.", current);
            return;
        }
        Object[] options = {"Remove passphrase", "Keep it"};
        int answer = JOptionPane.showOptionDialog(this,
                PlainLabel.ownMarkup("<html><b>Remove the passphrase?</b><br><br>Your keys and message history will be stored"
                        + " unencrypted.<br>Anyone who can use your account or read its files (a backup, a stolen"
                        + " disk)<br>can then read your chats. The files stay readable by your account only.</html>"),
                "Remove the passphrase", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE, null, options,
                options[1]);
        if (answer != 0) {
            clear(currentTyped);
            problem.setText(" ");
            done.setText("The passphrase was kept.");
            current.requestFocusInWindow();
            return;
        }
        apply(currentTyped, Optional.empty(), "Passphrase removed.");
    }

    /** The current passphrase as typed when the profile has one (may be empty), else empty. */
    private Optional<char[]> typedCurrent() {
        return hasPassphrase ? Optional.of(current.getPassword()) : Optional.empty();
    }

    /** How a change ended, when it did not fail. */
    private enum Outcome { CHANGED, WRONG_CURRENT, SET_MEANWHILE }

    /**
     * Runs the change off the EDT. Whether the current passphrase is needed is decided there, by the profile as it
     * is then (not as this section last showed it: another Settings dialog may have set one meanwhile), and a wrong
     * or missing one changes nothing.
     */
    private void apply(Optional<char[]> currentTyped, Optional<char[]> newPassphrase, String success) {
        busy(true);
        tasks.run("Changing the passphrase", () -> {
            try {
                if (profile.hasPassphrase()) {
                    if (currentTyped.isEmpty()) {
                        return Outcome.SET_MEANWHILE;
                    }
                    if (!profile.checkPassphrase(currentTyped.get())) {
                        return Outcome.WRONG_CURRENT;
                    }
                }
                profile.changePassphrase(newPassphrase);
                return Outcome.CHANGED;
            } finally {
                clear(currentTyped);
                clear(newPassphrase);
            }
        }, outcome -> {
            busy(false);
            switch (outcome) {
                case CHANGED -> {
                    onChanged.accept(newPassphrase.isPresent());
                    showProtection(newPassphrase.isPresent());
                    say(done, success);
                }
                case WRONG_CURRENT -> say(problem, "The current passphrase is wrong: nothing was changed.");
                case SET_MEANWHILE -> {
                    onChanged.accept(true);
                    showProtection(true);
                    say(problem, "A passphrase was set meanwhile: enter it as the current passphrase.");
                }
            }
        }, failure -> {
            busy(false);
            say(problem, "Passphrase not changed: " + Failures.message(failure));
        });
    }

    /** A result in the section, or in the status line when the dialog was closed while the work ran. */
    private void say(JLabel where, String text) {
        (where == done ? problem : done).setText(" ");
        where.setText(text);
        if (!isShowing()) {
            noticeWhenClosed.accept(text);
        } else if (where == problem) {
            (current.isVisible() ? current : next).requestFocusInWindow();
        }
    }

    private void refuse(String trouble, JComponent focus) {
        done.setText(" ");
        problem.setText(trouble);
        focus.requestFocusInWindow();
    }

    private void busy(boolean busy) {
        for (JComponent c : new JComponent[] {current, next, repeat, apply, remove}) {
            c.setEnabled(!busy);
        }
        feedbackCards.show(feedback, busy ? WORKING : MESSAGES);
        if (busy) {
            problem.setText(" ");
            done.setText(" ");
        }
    }

    private void clearFields() {
        current.setText("");
        next.setText("");
        repeat.setText("");
    }

    private static void clear(Optional<char[]> secret) {
        secret.ifPresent(s -> Arrays.fill(s, '\0'));
    }
}
