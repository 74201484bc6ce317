package parley.ui.kit;

import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/** The one look of a warning the user must not miss (a safety-code mismatch, another broker): red, bold, framed. */
public final class WarningText {
    private WarningText() {}

    /**
     * Colours {@code area} as a warning; called each time it is shown, so that it follows a theme switched since
     * its dialog opened.
     */
    public static void style(JTextArea area) {
        area.setBackground(UIManager.getColor("Parley.warning.background"));
        area.setForeground(UIManager.getColor("Parley.warning.foreground"));
        area.setFont(UIManager.getFont("Label.font").deriveFont(Font.BOLD));
        area.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(UIManager.getColor("Parley.warning.foreground"), 2),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        area.getAccessibleContext().setAccessibleDescription(area.getText());
    }
}
