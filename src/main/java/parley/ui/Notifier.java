package parley.ui;

import java.awt.AWTException;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.lang.System.Logger.Level;
import javax.swing.JFrame;

/**
 * Tells the user about a new message while the window is not focused: a system tray notification where the
 * desktop has a tray, else an in-app notice in the status line plus the unread count in the window title (a bare
 * X server has no tray). Both also ask the taskbar for attention where it can.
 */
final class Notifier {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final JFrame frame;
    private final StatusLine status;
    private TrayIcon tray;
    private boolean trayTried;

    Notifier(JFrame frame, StatusLine status) {
        this.frame = frame;
        this.status = status;
    }

    boolean usesTray() {
        return tray != null;
    }

    void newMessage(String chatName, String text) {
        Edt.require();
        String preview = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        if (tray() != null) {
            tray.displayMessage("Parley: " + chatName, preview, TrayIcon.MessageType.NONE);
        }
        status.notice("New message from " + chatName + ": " + preview.replace('\n', ' '));
        if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
            Taskbar.getTaskbar().requestWindowUserAttention(frame);
        }
    }

    private TrayIcon tray() {
        if (!trayTried) {
            trayTried = true;
            if (SystemTray.isSupported()) {
                try {
                    TrayIcon icon = new TrayIcon(AppIcon.image(32), "Parley");
                    icon.setImageAutoSize(true);
                    icon.addActionListener(e -> frame.toFront());
                    SystemTray.getSystemTray().add(icon);
                    tray = icon;
                } catch (AWTException e) {
                    LOG.log(Level.INFO, "no system tray: {0}", e.getMessage());
                }
            }
        }
        return tray;
    }

    void close() {
        if (tray != null) {
            SystemTray.getSystemTray().remove(tray);
            tray = null;
        }
    }
}
