package parley.ui;

import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JToolBar;

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

    static JToolBar toolBar(ActionRegistry actions) {
        JToolBar bar = new JToolBar("Actions");
        bar.setFloatable(false);
        bar.add(actions.toolbarButton(AppAction.NEW_INVITE));
        bar.add(actions.toolbarButton(AppAction.JOIN));
        bar.addSeparator();
        bar.add(actions.toolbarButton(AppAction.CHAT_INFO));
        bar.add(actions.toolbarButton(AppAction.VERIFY_CHAT));
        return bar;
    }
}
