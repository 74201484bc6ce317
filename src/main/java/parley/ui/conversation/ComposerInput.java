package parley.ui.conversation;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import javax.swing.JTextPane;
import javax.swing.UIManager;
import javax.swing.text.AbstractDocument;
import parley.ui.kit.EmojiStyling;
import parley.ui.kit.WrapAnywhereKit;

/**
 * The composer's text: wraps anywhere ({@link WrapAnywhereKit}), draws emoji in the emoji font
 * ({@link EmojiStyling}) and, while empty, shows a placeholder (FlatLaf draws one only in text fields).
 * Three lines high.
 */
final class ComposerInput extends JTextPane {
    private static final int ROWS = 3;
    private String placeholder = "";

    ComposerInput() {
        setEditorKit(new WrapAnywhereKit());
        ((AbstractDocument) getDocument()).setDocumentFilter(new EmojiStyling());
    }

    void placeholder(String text) {
        placeholder = text;
        repaint();
    }

    String placeholder() {
        return placeholder;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        Insets in = getInsets();
        int line = getFontMetrics(getFont()).getHeight();
        return new Dimension(super.getPreferredScrollableViewportSize().width, ROWS * line + in.top + in.bottom);
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (getDocument().getLength() > 0 || placeholder.isEmpty()) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(UIManager.getColor("TextField.placeholderForeground") != null
                    ? UIManager.getColor("TextField.placeholderForeground") : getDisabledTextColor());
            g2.setFont(getFont());
            Insets in = getInsets();
            g2.drawString(placeholder, in.left, in.top + g2.getFontMetrics().getAscent());
        } finally {
            g2.dispose();
        }
    }
}
