package parley.ui.chatlist;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.plaf.basic.BasicGraphicsUtils;
import parley.ui.kit.EmojiFont;
import parley.ui.kit.MessageText;

/**
 * A message's text on one line, as the chat list previews it: emoji in the emoji font, the rest in the component's
 * font, cut with an ellipsis where the row ends. Painted here because a label mixes fonts only through Swing's
 * HTML engine, which costs ~100 classes and a parsed DTD in memory for one line of text.
 */
final class PreviewLine extends JComponent {
    static final String ELLIPSIS = "…";

    private String text = "";
    private List<MessageText.Run> runs = List.of();

    void setText(String message) {
        String line = message.replace('\n', ' ');
        if (!line.equals(text)) {
            text = line;
            runs = MessageText.runs(line);
        }
        repaint();
    }

    String getText() {
        return text;
    }

    @Override
    public Dimension getPreferredSize() {
        Insets in = getInsets();
        int width = 0;
        for (MessageText.Run run : runs) {
            width += width(run.text(), fontFor(run));
        }
        return new Dimension(in.left + width + in.right, in.top + getFontMetrics(getFont()).getHeight() + in.bottom);
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
            int x = in.left;
            for (Piece piece : pieces(getWidth() - in.left - in.right)) {
                g2.setFont(piece.font());
                BasicGraphicsUtils.drawString(this, g2, piece.text(), x, baseline);
                x += width(piece.text(), piece.font());
            }
        } finally {
            g2.dispose();
        }
    }

    /** A stretch of text drawn in one font. */
    record Piece(String text, Font font) {}

    /** What fits in {@code room} pixels: all runs, or the runs that fit, cut at a code point, and an ellipsis. */
    List<Piece> pieces(int room) {
        List<Piece> all = runs.stream().map(run -> new Piece(run.text(), fontFor(run))).toList();
        int total = all.stream().mapToInt(p -> width(p.text(), p.font())).sum();
        if (total <= room) {
            return all;
        }
        List<Piece> shown = new ArrayList<>();
        int left = room - width(ELLIPSIS, getFont());
        for (Piece piece : all) {
            int w = width(piece.text(), piece.font());
            if (w > left) {
                String head = fitting(piece.text(), piece.font(), left);
                if (!head.isEmpty()) {
                    shown.add(new Piece(head, piece.font()));
                }
                break;
            }
            shown.add(piece);
            left -= w;
        }
        shown.add(new Piece(ELLIPSIS, getFont()));
        return shown;
    }

    private Font fontFor(MessageText.Run run) {
        return run instanceof MessageText.Emoji ? EmojiFont.like(getFont()) : getFont();
    }

    private int width(String s, Font font) {
        return Math.round(BasicGraphicsUtils.getStringWidth(this, getFontMetrics(font), s));
    }

    /** The longest start of {@code s}, in whole code points, at most {@code room} pixels wide. */
    private String fitting(String s, Font font, int room) {
        int end = 0;
        while (end < s.length()) {
            int next = s.offsetByCodePoints(end, 1);
            if (width(s.substring(0, next), font) > room) {
                break;
            }
            end = next;
        }
        return s.substring(0, end);
    }
}
