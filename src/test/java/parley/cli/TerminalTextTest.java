package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** What the CLI prints of outside text: every control and bidi character escaped, JSON still valid and equal. */
class TerminalTextTest {
    private static final String OSC_TITLE = "Bob\u001b]0;owned\u0007";
    private static final String HOSTILE = OSC_TITLE + "\u001b[2J\u009b31m\u202eecilA\r\nAlice: hi\u007f";

    @Test
    void aNameWithAnsiAndOscEscapesPrintsEscaped() {
        assertThat(TerminalText.escape(OSC_TITLE)).isEqualTo("Bob\\u001b]0;owned\\u0007");
        assertThat(TerminalText.escape(HOSTILE)).isEqualTo(
                "Bob\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u202eecilA\\r\\nAlice: hi\\u007f");
        assertThat(TerminalText.escape(HOSTILE).chars()).noneMatch(TerminalTextTest::isControlOrBidi);
    }

    @Test
    void ordinaryTextIsPrintedAsItIs() {
        String text = "Grüße 👋🏽 <b>&amp; \"quoted\" \\ path";
        assertThat(TerminalText.escape(text)).isSameAs(text);
    }

    @Test
    void jsonLinesEscapeEveryControlAndStayValidJsonWithTheSameValue() {
        JsonObject o = new JsonObject();
        o.addProperty("name", HOSTILE);
        o.addProperty("text", "line one\nline two\t\u0085\u2066");
        String line = TerminalText.json(o);
        assertThat(line.chars()).noneMatch(TerminalTextTest::isControlOrBidi);
        JsonObject back = JsonParser.parseString(line).getAsJsonObject();
        assertThat(back.get("name").getAsString()).isEqualTo(HOSTILE);
        assertThat(back.get("text").getAsString()).isEqualTo("line one\nline two\t\u0085\u2066");
    }

    private static boolean isControlOrBidi(int c) {
        return Character.getType(c) == Character.CONTROL || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x061C;
    }
}
