package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Window;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import parley.chat.ChatService;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.ui.kit.EscapeCloses;
import parley.ui.kit.MiddleEllipsis;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.ScreenSpace;
import parley.ui.shell.StatusLine;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Failures;

/**
 * A picture whole, in a window of its own: decoded off the EDT with the same limits as a thumbnail (refused over
 * {@link parley.ui.kit.SafePicture#MAX_PIXELS}), scaled down to the screen it opens on, never up. Escape closes it.
 */
final class ImageViewer {
    private ImageViewer() {}

    static void show(Component owner, BackgroundTasks tasks, StatusLine status, ChatService chats, ChatId chat,
            MessageId message, String name, String mediaType) {
        Window window = owner instanceof Window w ? w : SwingUtilities.getWindowAncestor(owner);
        java.awt.GraphicsConfiguration gc = owner.getGraphicsConfiguration() != null ? owner.getGraphicsConfiguration()
                : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration();
        Rectangle screen = ScreenSpace.usable(gc);
        Dimension box = new Dimension(Math.max(200, screen.width * 9 / 10 - 16), Math.max(200, screen.height * 9 / 10 - 48));
        tasks.run("Opening the picture", () -> Thumbnails.decode(chats, chat, message, mediaType, box), image -> {
            JDialog dialog = new JDialog(window, MiddleEllipsis.cut(name, 60), Dialog.ModalityType.MODELESS);
            dialog.setName("dialog.picture");
            EscapeCloses.on(dialog);
            JLabel picture = new PlainLabel("", SwingConstants.CENTER);
            picture.setName("picture.full");
            picture.setIcon(new ImageIcon(image));
            picture.getAccessibleContext().setAccessibleName("Picture " + name);
            JScrollPane scroll = new JScrollPane(picture);
            scroll.setBorder(BorderFactory.createEmptyBorder());
            dialog.add(scroll, BorderLayout.CENTER);
            dialog.pack();
            dialog.setLocationRelativeTo(window);
            dialog.setVisible(true);
        }, failure -> status.notice("Could not show the picture: " + Failures.message(failure)));
    }
}
