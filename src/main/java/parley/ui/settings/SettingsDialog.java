package parley.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.EscapeCloses;

/**
 * Settings: the theme (follow the desktop, light, dark) and message previews in notifications, applied at once,
 * the profile's passphrase (once the profile is open: {@code passphrase} is empty before), the server and the
 * automatic download size of files (once the chats run: {@code server} and {@code downloads} are empty before).
 */
public final class SettingsDialog extends JDialog {

    public SettingsDialog(JFrame owner, ThemeChoice current, Consumer<ThemeChoice> onTheme, boolean previews,
            Consumer<Boolean> onPreviews, Optional<PassphraseSection> passphrase, Optional<ServerSection.Change> server,
            Optional<DownloadSection.Limit> downloads) {
        super(owner, "Settings", Dialog.ModalityType.DOCUMENT_MODAL);
        setName("dialog.settings");
        EscapeCloses.on(this);
        JPanel themes = new JPanel(new GridLayout(0, 1, 0, 4));
        themes.setBorder(BorderFactory.createTitledBorder("Theme"));
        ButtonGroup group = new ButtonGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            JRadioButton b = new JRadioButton(choice.label, choice == current);
            b.setName("settings.theme." + choice.name());
            b.addActionListener(e -> onTheme.accept(choice));
            group.add(b);
            themes.add(b);
        }
        JPanel notifications = new JPanel(new GridLayout(0, 1, 0, 4));
        notifications.setBorder(BorderFactory.createTitledBorder("Notifications"));
        JCheckBox preview = new JCheckBox("Show the first words of new messages", previews);
        preview.setName("settings.previews");
        preview.addActionListener(e -> onPreviews.accept(preview.isSelected()));
        notifications.add(preview);
        notifications.add(new PlainLabel("Off: a notification says only who wrote. The desktop keeps notifications"));
        notifications.add(new PlainLabel("in its history, where your profile's protection does not reach."));
        JButton close = new JButton("Close");
        close.setName("settings.close");
        close.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(close);
        JPanel sections = new JPanel();
        sections.setLayout(new BoxLayout(sections, BoxLayout.Y_AXIS));
        JComponent protection = passphrase.<JComponent>map(p -> p)
                .orElseGet(() -> new PlainLabel("The passphrase can be set once the profile is open."));
        themes.setAlignmentX(LEFT_ALIGNMENT);
        notifications.setAlignmentX(LEFT_ALIGNMENT);
        protection.setAlignmentX(LEFT_ALIGNMENT);
        server.ifPresent(change -> {
            ServerSection section = new ServerSection(this, change);
            section.setAlignmentX(LEFT_ALIGNMENT);
            sections.add(section);
            sections.add(Box.createVerticalStrut(8));
        });
        sections.add(themes);
        sections.add(Box.createVerticalStrut(8));
        sections.add(notifications);
        sections.add(Box.createVerticalStrut(8));
        downloads.ifPresent(limit -> {
            DownloadSection files = new DownloadSection(limit);
            files.setAlignmentX(LEFT_ALIGNMENT);
            sections.add(files);
            sections.add(Box.createVerticalStrut(8));
        });
        sections.add(protection);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        content.add(sections, BorderLayout.CENTER);
        add(content, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(close);
        pack();
        setLocationRelativeTo(owner);
    }
}
