package parley.cli;

import com.google.gson.JsonObject;
import parley.text.DisplayNames;

/**
 * Text from outside (a peer's name, a message, an invite's name, a broker's error) on its way to a terminal or a
 * script. A name like {@code "Bob\u001b]0;owned\u0007"} would otherwise retitle the terminal, clear it, or forge
 * output lines; a bidirectional override would make a name read as another. Each control character (Unicode
 * {@code Cc}, so C1 controls such as CSI U+009B too) and bidirectional control is printed as an escape.
 */
final class TerminalText {
    private TerminalText() {}

    /** {@code text} with every control written as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!DisplayNames.isControl(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * One JSON line. Gson escapes U+0000 to U+001F itself; DEL, the C1 controls and the bidirectional controls it
     * writes raw, so they get JSON's {@code \}{@code uXXXX} escape here (they only occur inside strings, where that
     * escape means the same character: the line stays valid JSON with the same value).
     */
    static String json(JsonObject object) {
        String line = object.toString();
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (DisplayNames.isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
