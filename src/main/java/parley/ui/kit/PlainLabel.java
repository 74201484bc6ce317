package parley.ui.kit;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JToolTip;
import javax.swing.UIManager;

/**
 * The one kind of label the desktop builds: its text and its tooltip are always shown as text. Swing renders a
 * label's text as HTML when it starts with {@code <html>}, so a peer named {@code <html><img src=...>} would make
 * the app fetch a URL (leaking the user's address and online times) or draw a fake label. {@code html.disable}
 * turns that off; the tooltip is a separate component and gets it too. {@code PlainTextSourcesTest} keeps every
 * other {@code new JLabel} out of the ui package.
 */
// public for the other ui packages: its constructors call only JLabel's setters, which no subclass overrides
@SuppressWarnings("this-escape")
public class PlainLabel extends JLabel {
    static final String HTML_DISABLE = "html.disable";
    // no initialisers: JLabel's constructor sets the text before this class's fields would be initialised
    private String checkedText;
    private EmojiLine emojiLine;

    public PlainLabel() {
        this("");
    }

    public PlainLabel(String text) {
        this(text, null, LEADING);
    }

    public PlainLabel(String text, int alignment) {
        this(text, null, alignment);
    }

    PlainLabel(String text, Icon icon, int alignment) {
        // set before the text reaches the UI delegate, which decides on HTML when the text is first set
        putClientProperty(HTML_DISABLE, Boolean.TRUE);
        setHorizontalAlignment(alignment);
        setIcon(icon);
        setText(text);
    }

    /**
     * A label for the app's own fixed words that need HTML to wrap: never for text from outside (the test allows
     * only a literal or a constant here).
     */
    public static JLabel ownMarkup(String fixedHtml) {
        return new JLabel(fixedHtml);
    }

    /**
     * A text with emoji is drawn here, emoji in the bundled emoji font ({@link EmojiLine}): Swing would draw them as
     * empty boxes, and mixes fonts in a label only as HTML. A label with an icon, or with no emoji, is Swing's.
     */
    @Override
    protected void paintComponent(Graphics g) {
        EmojiLine line = emojiLine();
        if (line == null) {
            super.paintComponent(g);
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            if (isOpaque()) {
                g2.setColor(getBackground());
                g2.fillRect(0, 0, getWidth(), getHeight());
            }
            Insets in = getInsets();
            int room = getWidth() - in.left - in.right;
            int width = Math.min(line.width(this), room);
            boolean leftToRight = getComponentOrientation().isLeftToRight();
            int x = switch (getHorizontalAlignment()) {
                case CENTER -> in.left + (room - width) / 2;
                case RIGHT -> in.left + room - width;
                case LEFT -> in.left;
                case TRAILING -> leftToRight ? in.left + room - width : in.left;
                default -> leftToRight ? in.left : in.left + room - width; // LEADING
            };
            FontMetrics base = getFontMetrics(getFont());
            float baseline = in.top + (getHeight() - in.top - in.bottom - base.getHeight()) / 2f + base.getAscent();
            Color disabled = UIManager.getColor("Label.disabledForeground");
            g2.setColor(isEnabled() || disabled == null ? getForeground() : disabled);
            line.draw(g2, this, x, baseline, room);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension size = super.getPreferredSize();
        EmojiLine line = emojiLine();
        if (line == null || isPreferredSizeSet()) {
            return size;
        }
        Insets in = getInsets();
        return new Dimension(in.left + line.width(this) + in.right, size.height);
    }

    /** The text's line when it has emoji and the label no icon, else null; worked out once per text. */
    private EmojiLine emojiLine() {
        String text = getText();
        if (text == null || text.isEmpty() || getIcon() != null) {
            return null;
        }
        if (!text.equals(checkedText)) {
            EmojiLine line = EmojiLine.of(text);
            emojiLine = line.hasEmoji() ? line : null;
            checkedText = text;
        }
        return emojiLine;
    }

    @Override
    public JToolTip createToolTip() {
        return PlainText.tip(super.createToolTip());
    }
}
