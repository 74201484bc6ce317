package parley.ui.kit;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.plaf.basic.BasicGraphicsUtils;

/**
 * One line of text drawn with its emoji in the bundled emoji font and the rest in the component's font, cut with an
 * ellipsis where the room ends (never inside a code point). Swing mixes fonts in a label only through its HTML
 * engine, which outside text must never reach (see {@link PlainLabel}), so the lines that need it are drawn here.
 */
public final class EmojiLine {
    public static final String ELLIPSIS = "…";

    /** A stretch of text drawn in one font. */
    public record Piece(String text, Font font) {}

    private final String text;
    private final List<MessageText.Run> runs;

    private EmojiLine(String text) {
        this.text = text;
        this.runs = MessageText.runs(text);
    }

    /** {@code text} on one line: a line break reads as a space. */
    public static EmojiLine of(String text) {
        return new EmojiLine(text.replace('\n', ' '));
    }

    public String text() {
        return text;
    }

    public boolean hasEmoji() {
        return runs.stream().anyMatch(r -> r instanceof MessageText.Emoji);
    }

    /** The whole line's width in {@code c}'s font. */
    public int width(JComponent c) {
        int width = 0;
        for (MessageText.Run run : runs) {
            width += width(c, run.text(), fontFor(c, run));
        }
        return width;
    }

    /** What fits in {@code room} pixels: all runs, or the runs that fit, cut at a code point, and an ellipsis. */
    public List<Piece> pieces(JComponent c, int room) {
        List<Piece> all = runs.stream().map(run -> new Piece(run.text(), fontFor(c, run))).toList();
        int total = all.stream().mapToInt(p -> width(c, p.text(), p.font())).sum();
        if (total <= room) {
            return all;
        }
        List<Piece> shown = new ArrayList<>();
        int left = room - width(c, ELLIPSIS, c.getFont());
        for (Piece piece : all) {
            int w = width(c, piece.text(), piece.font());
            if (w > left) {
                String head = fitting(c, piece.text(), piece.font(), left);
                if (!head.isEmpty()) {
                    shown.add(new Piece(head, piece.font()));
                }
                break;
            }
            shown.add(piece);
            left -= w;
        }
        shown.add(new Piece(ELLIPSIS, c.getFont()));
        return shown;
    }

    /** Draws what fits in {@code room} from {@code x} on {@code baseline}, in {@code g}'s colour. */
    public void draw(Graphics2D g, JComponent c, int x, float baseline, int room) {
        for (Piece piece : pieces(c, room)) {
            g.setFont(piece.font());
            BasicGraphicsUtils.drawString(c, g, piece.text(), x, baseline);
            x += width(c, piece.text(), piece.font());
        }
    }

    private static Font fontFor(JComponent c, MessageText.Run run) {
        return run instanceof MessageText.Emoji ? EmojiFont.like(c.getFont()) : c.getFont();
    }

    private static int width(JComponent c, String s, Font font) {
        return Math.round(BasicGraphicsUtils.getStringWidth(c, c.getFontMetrics(font), s));
    }

    /** The longest start of {@code s}, in whole code points, at most {@code room} pixels wide. */
    private static String fitting(JComponent c, String s, Font font, int room) {
        int end = 0;
        while (end < s.length()) {
            int next = s.offsetByCodePoints(end, 1);
            if (width(c, s.substring(0, next), font) > room) {
                break;
            }
            end = next;
        }
        return s.substring(0, end);
    }

    @Override
    public String toString() {
        return "EmojiLine[" + text.length() + " chars]"; // outside text stays out of logs
    }
}
