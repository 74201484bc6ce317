package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import parley.chat.FileSizes;
import parley.ui.kit.EscapeCloses;
import parley.ui.kit.MiddleEllipsis;
import parley.ui.kit.PlainLabel;

/**
 * What is about to be sent, before it is: a thumbnail for a single picture, else each file's name, size and type;
 * Send and Cancel. A file that cannot be sent (over {@link parley.chat.Attachment#MAX_SIZE}, empty, a folder) says
 * why in red and Send stays off. Modal to the window; {@link #ask} tells whether the user pressed Send.
 */
final class AttachPreview extends JDialog {
    private boolean send;

    private AttachPreview(Window owner, String chatName, List<Outgoing> files) {
        super(owner, "Send to " + chatName, Dialog.ModalityType.DOCUMENT_MODAL);
        setName("dialog.attach");
        EscapeCloses.on(this);
        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        rows.setBorder(BorderFactory.createEmptyBorder(12, 12, 8, 12));
        boolean allowed = true;
        for (Outgoing f : files) {
            if (files.size() == 1 && f.picture().isPresent()) {
                JLabel picture = new PlainLabel();
                picture.setName("attach.thumbnail");
                picture.setIcon(new ImageIcon(f.picture().get()));
                picture.setAlignmentX(LEFT_ALIGNMENT);
                rows.add(picture);
            }
            JLabel name = new PlainLabel(MiddleEllipsis.cut(f.name(), 48));
            name.setName("attach.name");
            name.setToolTipText(f.name());
            name.setFont(name.getFont().deriveFont(java.awt.Font.BOLD));
            name.setAlignmentX(LEFT_ALIGNMENT);
            rows.add(name);
            if (f.refusal().isEmpty()) {
                JLabel details = new PlainLabel(FileSizes.describe(f.size()) + " · " + f.type());
                details.setName("attach.details");
                details.setAlignmentX(LEFT_ALIGNMENT);
                rows.add(details);
            }
            f.refusal().ifPresent(why -> {
                JLabel refusal = new PlainLabel(why);
                refusal.setName("attach.refusal");
                Color error = UIManager.getColor("Component.error.focusedBorderColor");
                refusal.setForeground(error != null ? error : Color.RED);
                refusal.setAlignmentX(LEFT_ALIGNMENT);
                rows.add(refusal);
            });
            allowed &= f.refusal().isEmpty();
            rows.add(javax.swing.Box.createVerticalStrut(8));
        }
        JButton sendButton = new JButton("Send");
        sendButton.setName("attach.send");
        sendButton.setEnabled(allowed);
        sendButton.addActionListener(e -> {
            send = true;
            dispose();
        });
        JButton cancel = new JButton("Cancel");
        cancel.setName("attach.cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(sendButton);
        add(rows, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(allowed ? sendButton : cancel);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Shows the preview and waits (modal, the EDT keeps running); true when the user chose Send. */
    static boolean ask(Component parent, String chatName, List<Outgoing> files) {
        AttachPreview dialog = new AttachPreview(SwingUtilities.getWindowAncestor(parent), chatName, files);
        dialog.setVisible(true);
        return dialog.send;
    }
}
