package parley.ui.kit;

import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JToolTip;

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

    @Override
    public JToolTip createToolTip() {
        return PlainText.tip(super.createToolTip());
    }
}
