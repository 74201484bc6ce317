package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import parley.text.DisplayNames;
import parley.ui.kit.PlainLabel;
import parley.ui.profile.BrokerSettings;

/**
 * The first run: your name and your server, with the CA file, a separate web client address and a login folded
 * away under Advanced. Start tries the server before anything is saved ({@link BrokerForm#checkThen}) and says what
 * is wrong in words. Returns the settings, or empty when the user quits.
 */
public final class FirstRunDialog extends JDialog {
    private final JTextField name = new JTextField(28);
    private final BrokerForm broker = new BrokerForm("firstrun", Optional.empty());
    private final JButton ok = new JButton("Start");
    private Optional<BrokerSettings> result = Optional.empty();

    public FirstRunDialog(JFrame owner) {
        this(owner, FirstRunDefaults.NONE);
    }

    /** The form started from {@code defaults}: what {@code parley gui --server URL --web URL --ca FILE} gave. */
    public FirstRunDialog(JFrame owner, FirstRunDefaults defaults) {
        super(owner, "Welcome to Parley", Dialog.ModalityType.DOCUMENT_MODAL);
        broker.suggest(defaults);
        setName("dialog.firstrun");
        name.setName("firstrun.name");
        name.getAccessibleContext().setAccessibleName("Your name");
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
        JLabel intro = new PlainLabel("Your name, as your friends will see it, and the server you chat through.");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 3;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(0, 0, 12, 0);
        form.add(intro, c);
        BrokerForm.row(form, 1, "Your name", name, null);
        c.gridy = 2;
        c.insets = new Insets(0, 0, 0, 0);
        form.add(broker, c);
        ok.setName("firstrun.ok");
        ok.addActionListener(e -> submit());
        broker.disableWhileChecking(ok, name);
        JButton cancel = new JButton("Quit");
        cancel.setName("firstrun.cancel");
        cancel.addActionListener(e -> dispose());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                broker.stopChecking();
            }
        });
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        getRootPane().setDefaultButton(ok);
        add(form, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog and waits for the user (a nested event loop: the EDT keeps running). */
    public Optional<BrokerSettings> ask() {
        setVisible(true);
        return result;
    }

    private void submit() {
        if (broker.checking()) {
            return;
        }
        String display = name.getText().strip();
        Optional<String> nameProblem = DisplayNames.problem(display);
        if (nameProblem.isPresent()) {
            broker.problem(display.isEmpty() ? "Give your name: your friends see it when you invite them."
                    : "Your name " + nameProblem.get() + ". Choose another.");
            return;
        }
        broker.checkThen(display, settings -> {
            result = Optional.of(settings);
            dispose();
        });
    }
}
