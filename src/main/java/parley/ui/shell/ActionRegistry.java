package parley.ui.shell;

import java.awt.event.ActionEvent;
import java.util.EnumMap;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JMenuItem;

/**
 * One Swing {@link Action} per {@link AppAction}, shared by menu items and toolbar buttons; the shortcuts are the
 * menu items' accelerators, so each fires once wherever the focus is in the window.
 */
final class ActionRegistry {
    private final Map<AppAction, Action> actions = new EnumMap<>(AppAction.class);

    /** Binds what an action does; its label, shortcut and description come from the enum. */
    void bind(AppAction id, Runnable handler) {
        Action action = new AbstractAction(id.label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                handler.run();
            }
        };
        action.putValue(Action.ACCELERATOR_KEY, id.shortcut);
        action.putValue(Action.SHORT_DESCRIPTION, id.description);
        action.putValue(Action.ACTION_COMMAND_KEY, id.name());
        actions.put(id, action);
    }

    Action get(AppAction id) {
        Action action = actions.get(id);
        if (action == null) {
            throw new IllegalStateException("no handler bound for " + id);
        }
        return action;
    }

    void setEnabled(AppAction id, boolean enabled) {
        get(id).setEnabled(enabled);
    }

    JMenuItem menuItem(AppAction id) {
        JMenuItem item = new JMenuItem(get(id));
        item.setName("menu." + id.name());
        item.getAccessibleContext().setAccessibleDescription(id.description);
        return item;
    }

    JButton toolbarButton(AppAction id) {
        JButton button = new JButton(get(id));
        button.setText(id.shortLabel());
        button.setName("toolbar." + id.name());
        button.setFocusable(true);
        button.getAccessibleContext().setAccessibleName(id.shortLabel());
        return button;
    }
}
