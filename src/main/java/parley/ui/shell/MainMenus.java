package parley.ui.shell;

import java.awt.FlowLayout;
import javax.swing.Box;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JPanel;

/** The main window's menu bar and toolbar, both made of the one {@link ActionRegistry}'s actions. */
final class MainMenus {
    private MainMenus() {}

    static JMenuBar menuBar(ActionRegistry actions) {
        JMenuBar bar = new JMenuBar();
        JMenu parley = new JMenu("Parley");
        parley.setMnemonic('P');
        parley.add(actions.menuItem(AppAction.NEW_INVITE));
        parley.add(actions.menuItem(AppAction.JOIN));
        parley.addSeparator();
        parley.add(actions.menuItem(AppAction.SETTINGS));
        parley.addSeparator();
        parley.add(actions.menuItem(AppAction.QUIT));
        JMenu chat = new JMenu("Chat");
        chat.setMnemonic('C');
        chat.add(actions.menuItem(AppAction.FIND_CHAT));
        chat.addSeparator();
        chat.add(actions.menuItem(AppAction.RENAME_CHAT));
        chat.add(actions.menuItem(AppAction.CHAT_INFO));
        chat.add(actions.menuItem(AppAction.VERIFY_CHAT));
        chat.add(actions.menuItem(AppAction.REFRESH_KEYS));
        chat.add(actions.menuItem(AppAction.DELETE_CHAT));
        bar.add(parley);
        bar.add(chat);
        return bar;
    }

    /**
     * The row of the main actions under the menu. A panel, not a {@link javax.swing.JToolBar}: FlatLaf draws a
     * toolbar's buttons flat until the mouse is over them, and these read as words, not as actions.
     */
    static JPanel toolBar(ActionRegistry actions) {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 4));
        bar.setName("toolbar");
        bar.add(actions.toolbarButton(AppAction.NEW_INVITE));
        bar.add(actions.toolbarButton(AppAction.JOIN));
        bar.add(Box.createHorizontalStrut(12));
        bar.add(actions.toolbarButton(AppAction.CHAT_INFO));
        bar.add(actions.toolbarButton(AppAction.VERIFY_CHAT));
        return bar;
    }
}
