package parley.ui.shell;

import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.KeyStroke;

/**
 * Every command of the main window, once: its label, shortcut and description. The menu, the toolbar and the
 * key bindings are all built from this list ({@link ActionRegistry}).
 */
public enum AppAction {
    NEW_INVITE("New invite…", "Show a QR code and link a friend can join", KeyEvent.VK_N, InputEvent.CTRL_DOWN_MASK),
    JOIN("Join…", "Join a friend's invite: scan the screen, an image, the clipboard or a link", KeyEvent.VK_J,
            InputEvent.CTRL_DOWN_MASK),
    FIND_CHAT("Find a chat", "Filter the chat list by name", KeyEvent.VK_K, InputEvent.CTRL_DOWN_MASK),
    RENAME_CHAT("Rename chat…", "Give the open chat another name", KeyEvent.VK_F2, 0),
    DELETE_CHAT("Delete chat…", "Delete the open chat with its keys and history", KeyEvent.VK_DELETE,
            InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
    CHAT_INFO("Chat details…", "Show the open chat's state, key epoch and safety code", KeyEvent.VK_I,
            InputEvent.CTRL_DOWN_MASK),
    VERIFY_CHAT("Verify safety code…", "Show the open chat's safety code and check your friend's", KeyEvent.VK_I,
            InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
    REFRESH_KEYS("Refresh keys", "Agree a new key with your friend; the old one is erased soon after", KeyEvent.VK_R,
            InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
    SETTINGS("Settings…", "Theme and profile settings", KeyEvent.VK_COMMA, InputEvent.CTRL_DOWN_MASK),
    QUIT("Quit", "Close Parley", KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK);

    final String label;
    public final String description;
    final KeyStroke shortcut;

    AppAction(String label, String description, int key, int modifiers) {
        this.label = label;
        this.description = description;
        this.shortcut = KeyStroke.getKeyStroke(key, modifiers);
    }

    /** Without the ellipsis, for buttons and accessible names. */
    public String shortLabel() {
        return label.replace("…", "");
    }
}
