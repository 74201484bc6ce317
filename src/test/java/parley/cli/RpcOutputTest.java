package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A peer's text reaches a bot's pipe (or the terminal it runs in) with no raw control left in it. */
class RpcOutputTest {
    @Test
    void controlsThatGsonWritesRawAreEscapedAndTheValueStaysTheSame() {
        StringWriter written = new StringWriter();
        RpcOutput output = new RpcOutput(new PrintWriter(written), new PrintWriter(new StringWriter()));
        String hostile = "evil\u202Egpj.exe \u009B2J del\u007F end";
        JsonObject params = new JsonObject();
        params.addProperty("text", hostile);
        output.event(params);

        String line = written.toString().strip();
        assertThat(line).doesNotContain("\u202E", "\u009B", "\u007F")
                .contains("\\u202e", "\\u009b", "\\u007f");
        assertThat(JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("params").get("text").getAsString())
                .isEqualTo(hostile);
    }
}
