package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import parley.ui.kit.PlainLabel;
import parley.ui.profile.BrokerSettings;

/**
 * Settings' server: which server the profile chats through, and Change server…, which asks as the first run does
 * and tries the new server ({@link BrokerForm#checkThen}) before anything is saved.
 */
public final class ServerSection extends JPanel {
    /** Who keeps the server: the app saves it in the profile and restarts the chats on it. */
    public interface Change {
        BrokerSettings current();

        /** Saves {@code next} and reconnects every chat through it (off the event thread). */
        void apply(BrokerSettings next);
    }

    private final JLabel shown = new PlainLabel(" ");

    ServerSection(Window owner, Change change) {
        super(new BorderLayout(8, 0));
        setBorder(BorderFactory.createTitledBorder("Server"));
        shown.setName("settings.server");
        shown.setText(ServerAddress.shown(change.current().mqtts()));
        JButton edit = new JButton("Change server…");
        edit.setName("settings.server.change");
        edit.addActionListener(e -> new ServerDialog(owner, change, next -> shown.setText(
                ServerAddress.shown(next.mqtts()))).setVisible(true));
        add(shown, BorderLayout.CENTER);
        add(edit, BorderLayout.EAST);
    }

    /** The server form in a dialog of its own: Save checks the server first, then hands it to {@link Change}. */
    private static final class ServerDialog extends JDialog {
        ServerDialog(Window owner, Change change, java.util.function.Consumer<BrokerSettings> saved) {
            super(owner, "Change server", Dialog.ModalityType.DOCUMENT_MODAL);
            setName("dialog.server");
            BrokerSettings current = change.current();
            BrokerForm form = new BrokerForm("server", Optional.of(current));
            form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
            JButton save = new JButton("Save");
            save.setName("server.ok");
            save.addActionListener(e -> {
                if (!form.checking()) {
                    form.checkThen(current.displayName(), next -> {
                        change.apply(next);
                        saved.accept(next);
                        dispose();
                    });
                }
            });
            form.disableWhileChecking(save);
            JButton cancel = new JButton("Cancel");
            cancel.setName("server.cancel");
            cancel.addActionListener(e -> dispose());
            addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    form.stopChecking();
                }
            });
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
            buttons.add(cancel);
            buttons.add(save);
            getRootPane().setDefaultButton(save);
            add(new PlainLabel("  Parley tries the server before it saves it."), BorderLayout.NORTH);
            add(form, BorderLayout.CENTER);
            add(buttons, BorderLayout.SOUTH);
            pack();
            setLocationRelativeTo(owner);
        }
    }
}
