package parley.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A long-running process, as a bot's controller runs it: lines written to its stdin, its stdout read line by
 * line (JSON lines parsed as they come, from a file the reader follows), stderr kept in a file. A cleared
 * environment like {@link ImageProcess}: {@code PATH=/usr/bin:/bin}, a private HOME.
 */
public final class RpcProcess implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final Path err;
    private final Path out;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private RpcProcess(List<String> command, Path home, Map<String, String> extraEnvironment) throws IOException {
        Files.createDirectories(home);
        this.err = Files.createTempFile(home, "err-", ".txt");
        this.out = Files.createTempFile(home, "out-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extraEnvironment);
        this.process = builder.start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().name("rpc-stdout").start(this::tail);
    }

    /*
     * stdout goes to a file that this thread follows, not through a pipe: a pipe read racing the JDK's drain of
     * a killed process's pipe can fail with "Stream closed" and lose the lines still buffered (CrashIT failed so).
     */
    private void tail() {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(out)) {
            while (true) {
                boolean ended = !process.isAlive(); // checked before reading: what it wrote before dying is read
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines.add(partial.toString(StandardCharsets.UTF_8));
                            partial.reset();
                        } else {
                            partial.write(buffer[i]);
                        }
                    }
                }
                if (ended) {
                    break;
                }
                Thread.sleep(10);
            }
            if (partial.size() > 0) {
                lines.add(partial.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            lines.add("(stdout unreadable: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The image's {@code bin/parley ARGS... jsonrpc}. */
    public static RpcProcess jsonrpc(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        command.add("jsonrpc");
        return new RpcProcess(command, home, Map.of());
    }

    public static RpcProcess start(List<String> command, Path home, Map<String, String> env) throws IOException {
        return new RpcProcess(command, home, env);
    }

    public static Path launcher() {
        Path launcher = ImageProcess.IMAGE.resolve("bin/parley").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            throw new AssertionError(launcher + " is missing: run `mvn package` (or verify) first");
        }
        return launcher;
    }

    public void writeLine(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Sends a JSON-RPC request. */
    public void request(Object id, String method, JsonObject params) throws IOException {
        JsonObject r = new JsonObject();
        r.addProperty("jsonrpc", "2.0");
        r.add("id", JsonParser.parseString(id instanceof String s ? '"' + s + '"' : String.valueOf(id)));
        r.addProperty("method", method);
        r.add("params", params);
        writeLine(r.toString());
    }

    public static JsonObject params(String... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }

    /** Every line it wrote, parsed (a line that is not JSON fails the test). */
    public List<JsonObject> received() {
        return lines.stream().map(l -> {
            try {
                return JsonParser.parseString(l).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object line: " + l + "\n" + this);
            }
        }).toList();
    }

    /** The reply to request {@code id}, waiting for it. */
    public JsonObject awaitReply(Object id, Duration timeout) {
        JsonElement wanted = JsonParser.parseString(id instanceof String s ? '"' + s + '"' : String.valueOf(id));
        return await("the reply to " + id, o -> wanted.equals(o.get("id")), timeout);
    }

    /** The successful reply to request {@code id} (an id may also have had an error reply, e.g. a duplicate). */
    public JsonObject awaitResult(Object id, Duration timeout) {
        JsonElement wanted = JsonParser.parseString(id instanceof String s ? '"' + s + '"' : String.valueOf(id));
        return await("the result of " + id, o -> wanted.equals(o.get("id")) && o.has("result"), timeout);
    }

    /** The first event (params of an {@code event} notification) that matches, waiting for it. */
    public JsonObject awaitEvent(String what, Predicate<JsonObject> test, Duration timeout) {
        return await(what, o -> "event".equals(string(o, "method")) && test.test(o.getAsJsonObject("params")),
                timeout).getAsJsonObject("params");
    }

    /** The first line that matches (a {@code listen} line, say), waiting for it. */
    public JsonObject awaitLine(String what, Predicate<JsonObject> test, Duration timeout) {
        return await(what, test, timeout);
    }

    public List<JsonObject> events() {
        return received().stream().filter(o -> "event".equals(string(o, "method")))
                .map(o -> o.getAsJsonObject("params")).toList();
    }

    public static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private JsonObject await(String what, Predicate<JsonObject> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (JsonObject o : received()) {
                if (test.test(o)) {
                    return o;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            sleep(20);
        }
        throw new AssertionError("waited " + timeout + " for " + what + "\n" + this);
    }

    /** Index of a line in arrival order, for ordering checks. */
    public int indexOf(JsonObject line) {
        return received().indexOf(line);
    }

    public void closeInput() throws IOException {
        stdin.close();
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    public Process process() {
        return process;
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "\n" + this);
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    public String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** Waits until stderr (a file) says what {@code test} looks for; returns all of it. */
    public String awaitStderr(String what, Predicate<String> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = stderr();
            if (test.test(text)) {
                return text;
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(20);
        }
        throw new AssertionError("waited " + timeout + " for " + what + " on stderr\n" + this);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    @Override
    public String toString() {
        return "--- stdout\n" + String.join("\n", lines) + "\n--- stderr\n" + stderr();
    }
}
