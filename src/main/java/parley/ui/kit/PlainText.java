package parley.ui.kit;

import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JToolTip;

/**
 * Text from outside (a peer's name, a message, an invite's name, a broker's host or error) put into components
 * that would otherwise read it as HTML: dialogs' messages and tooltips. Labels are {@link PlainLabel}s.
 */
public final class PlainText {
    private PlainText() {}

    /**
     * A {@code JOptionPane} message: one plain label per line. A String message would be put into labels that
     * render {@code <html>} (as its lines are split on newlines, so are these).
     */
    public static JComponent lines(String text) {
        JPanel panel = new JPanel();
        panel.setOpaque(false);
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        for (String line : text.split("\n", -1)) {
            panel.add(new PlainLabel(line.isEmpty() ? " " : line));
        }
        return panel;
    }

    /** A tooltip that shows its text as text: components with outside text in tooltips create theirs through it. */
    public static JToolTip tip(JToolTip tip) {
        tip.putClientProperty(PlainLabel.HTML_DISABLE, Boolean.TRUE);
        return tip;
    }
}
