package parley.ui.chatlist;

import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.util.List;
import javax.swing.JComponent;
import parley.ui.kit.EmojiLine;

/**
 * A message's text on one line, as the chat list previews it: emoji in the emoji font, the rest in the component's
 * font, cut with an ellipsis where the row ends ({@link EmojiLine}).
 */
final class PreviewLine extends JComponent {
    private EmojiLine line = EmojiLine.of("");

    void setText(String message) {
        EmojiLine next = EmojiLine.of(message);
        if (!next.text().equals(line.text())) {
            line = next;
        }
        repaint();
    }

    String getText() {
        return line.text();
    }

    @Override
    public Dimension getPreferredSize() {
        Insets in = getInsets();
        return new Dimension(in.left + line.width(this) + in.right,
                in.top + getFontMetrics(getFont()).getHeight() + in.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(0, getPreferredSize().height);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(getForeground());
            Insets in = getInsets();
            FontMetrics base = getFontMetrics(getFont());
            float baseline = in.top + (getHeight() - in.top - in.bottom - base.getHeight()) / 2f + base.getAscent();
            line.draw(g2, this, in.left, baseline, getWidth() - in.left - in.right);
        } finally {
            g2.dispose();
        }
    }

    /** What fits in {@code room} pixels (see {@link EmojiLine#pieces}). */
    List<EmojiLine.Piece> pieces(int room) {
        return line.pieces(this, room);
    }
}
