package parley.crypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real crypto-js 3.1.2 / 4.2.0 and node's crypto, in a {@code node src/test/node/cryptojs-oracle.js} process that
 * answers one JSON line per request. Start one per test class; a missing node or node_modules fails loudly.
 */
public final class NodeOracle implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private NodeOracle(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static NodeOracle start() {
        Path nodeDir = repo().resolve("src/test/node");
        Path script = nodeDir.resolve("cryptojs-oracle.js");
        for (String module : new String[] {"crypto-js", "crypto-js-3"}) {
            if (!Files.isDirectory(nodeDir.resolve("node_modules").resolve(module))) {
                throw new IllegalStateException(nodeDir.resolve("node_modules").resolve(module)
                        + " is missing: run `npm ci` in src/test/node (the Maven build does it)");
            }
        }
        try {
            Process process = new ProcessBuilder("node", script.toString())
                    .directory(nodeDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new NodeOracle(process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start `node` from PATH (node 20 is needed for the interop tests)", e);
        }
    }

    static Path repo() {
        return Path.of(System.getProperty("parley.repo", System.getProperty("user.dir")));
    }

    /** The result of a request that must succeed. */
    public JsonElement call(JsonObject request) {
        JsonObject answer = ask(request);
        if (!answer.get("ok").getAsBoolean()) {
            throw new AssertionError("node refused " + request.get("op") + ": " + answer.get("error").getAsString());
        }
        return answer.get("result");
    }

    public String callString(JsonObject request) {
        return call(request).getAsString();
    }

    /** The error of a request that node refuses (a decryption crypto-js cannot do, say). */
    public String callExpectingError(JsonObject request) {
        JsonObject answer = ask(request);
        if (answer.get("ok").getAsBoolean()) {
            throw new AssertionError("node accepted " + request.get("op") + ", answering " + answer.get("result"));
        }
        return answer.get("error").getAsString();
    }

    private synchronized JsonObject ask(JsonObject request) {
        try {
            in.write(asciiOnly(request.toString()));
            in.write('\n');
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("node oracle exited with " + process.waitFor());
            }
            return JsonParser.parseString(line).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException("node oracle is gone", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Escapes every non-ASCII char, so a lone surrogate reaches node as {@code \\uD83D} and not as '?'. */
    private static String asciiOnly(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** A request {@code {"op": op, k1: v1, ...}} with string values. */
    public static JsonObject request(String op, String... keysAndValues) {
        JsonObject request = new JsonObject();
        request.addProperty("op", op);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            request.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return request;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            in.close();
        } catch (IOException e) {
            // the process is going away anyway
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
