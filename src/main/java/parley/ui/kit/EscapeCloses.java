package parley.ui.kit;

import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.KeyStroke;

/**
 * Escape closes a dialog as its window's close button does (the dialog's own closing rules run: an invite is
 * cancelled, a running check stops), wherever the focus is in it.
 */
public final class EscapeCloses {
    private static final String KEY = "parley-escape-closes";

    private EscapeCloses() {}

    public static void on(JDialog dialog) {
        dialog.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), KEY);
        dialog.getRootPane().getActionMap().put(KEY, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                dialog.dispatchEvent(new WindowEvent(dialog, WindowEvent.WINDOW_CLOSING));
            }
        });
    }
}
