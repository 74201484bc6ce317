package parley.ui.kit;

import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;

/**
 * Puts typed and pasted emoji in {@link EmojiFont} as they enter a styled document, as the bubbles draw them: a
 * text component has one font, and Swing on Linux falls back to no font for a registered one, so an emoji in
 * the component's font is an empty box.
 */
public final class EmojiStyling extends DocumentFilter {

    @Override
    public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs) throws BadLocationException {
        insert(fb, offset, text);
    }

    @Override
    public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
            throws BadLocationException {
        if (length > 0) {
            fb.remove(offset, length);
        }
        if (text != null) {
            insert(fb, offset, text);
        }
    }

    private static void insert(FilterBypass fb, int offset, String text) throws BadLocationException {
        int at = offset;
        for (MessageText.Run run : MessageText.emojiRuns(text)) {
            SimpleAttributeSet a = new SimpleAttributeSet();
            if (run instanceof MessageText.Emoji) {
                StyleConstants.setFontFamily(a, EmojiFont.family());
            }
            fb.insertString(at, run.text(), a);
            at += run.text().length();
        }
    }
}
