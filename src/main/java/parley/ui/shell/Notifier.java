package parley.ui.shell;

import java.awt.AWTException;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.lang.System.Logger.Level;
import javax.swing.JFrame;
import parley.ui.threads.Edt;

/**
 * Tells the user about a new message while the window is not focused: a system tray notification where the
 * desktop has a tray, else an in-app notice in the status line plus the unread count in the window title (a bare
 * X server has no tray). Both also ask the taskbar for attention where it can. They say who wrote, not what: the
 * desktop keeps notifications in its history, outside the profile's protection, so the first 80 characters of the
 * message come along only when the user turns previews on in Settings.
 */
final class Notifier {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final JFrame frame;
    private final StatusLine status;
    /** The profile preference, "true" or "false"; absent means off. */
    static final String PREVIEW_PREFERENCE = "ui.notificationPreviews";
    private static final int PREVIEW_CHARS = 80;

    private TrayIcon tray;
    private boolean trayTried;
    private boolean previews;

    Notifier(JFrame frame, StatusLine status) {
        this.frame = frame;
        this.status = status;
    }

    boolean usesTray() {
        return tray != null;
    }

    void showPreviews(boolean on) {
        previews = on;
    }

    void newMessage(String chatName, String text) {
        Edt.require();
        String said = "New message from " + chatName;
        String preview = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
        if (tray() != null) {
            tray.displayMessage("Parley", previews ? said + ": " + preview : said, TrayIcon.MessageType.NONE);
        }
        status.notice(previews ? said + ": " + preview.replace('\n', ' ') : said);
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
