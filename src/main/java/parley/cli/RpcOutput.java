package parley.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;

/**
 * Writes the JSON-RPC mode's lines to stdout, one whole line at a time from any thread: replies carry their
 * request's id, events are notifications of method {@code event}.
 */
final class RpcOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean broken;

    RpcOutput(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void result(JsonElement id, JsonObject result) {
        JsonObject line = envelope();
        line.add("id", id);
        line.add("result", result);
        write(line);
    }

    void error(JsonElement id, RpcFailure failure) {
        JsonObject line = envelope();
        line.add("id", id);
        line.add("error", failure.error());
        write(line);
    }

    void event(JsonObject params) {
        JsonObject line = envelope();
        line.addProperty("method", "event");
        line.add("params", params);
        write(line);
    }

    private static JsonObject envelope() {
        JsonObject line = new JsonObject();
        line.addProperty("jsonrpc", "2.0");
        return line;
    }

    private synchronized void write(JsonObject line) {
        out.println(TerminalText.json(line)); // DEL, C1 and bidi controls escaped, like listen
        out.flush();
        if (out.checkError() && !broken) {
            broken = true; // the reader went away; say so once, keep running until stdin ends or SIGTERM
            err.println("parley: stdout is closed; replies and events are no longer written");
            err.flush();
        }
    }
}
