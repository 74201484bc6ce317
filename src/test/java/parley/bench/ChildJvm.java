package parley.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a benchmark's measured side in a JVM of its own (so its peak RSS and threads are its own), on this JVM's
 * class path, and returns the JSON figures it prints after {@link ScaleChild#RESULT}.
 */
final class ChildJvm {
    /** The child's JVM options: the JVM's defaults. */
    static final List<String> FLAGS = List.of();
    /** The memory and compiler options of the image's launcher ({@code jlink/bin/parley}), read from it. */
    static final List<String> LAUNCHER = launcherOptions();

    private ChildJvm() {}

    private static List<String> launcherOptions() {
        Path launcher = BenchOptions.repoDir().resolve("jlink/bin/parley");
        try {
            String exec = Files.readAllLines(launcher, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("exec ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec line in " + launcher));
            List<String> options = Arrays.stream(exec.split(" ")).filter(o -> o.startsWith("-X")).toList();
            if (options.isEmpty()) {
                throw new IllegalStateException("no -X options on the exec line of " + launcher);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + launcher, e);
        }
    }

    static JsonObject run(Class<?> main, List<String> extraFlags, String... args) throws IOException, InterruptedException {
        return run(main, extraFlags, line -> {}, args);
    }

    /** As above; {@code onLine} sees each other line the child prints as it comes (a request to the parent). */
    static JsonObject run(Class<?> main, List<String> extraFlags, Consumer<String> onLine, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dparley.repo=" + BenchOptions.repoDir());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        JsonObject result = null;
        StringBuilder other = new StringBuilder();
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(ScaleChild.RESULT)) {
                    result = JsonParser.parseString(line.substring(ScaleChild.RESULT.length())).getAsJsonObject();
                } else {
                    onLine.accept(line);
                    other.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish in 10 minutes");
        }
        if (p.exitValue() != 0 || result == null) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + p.exitValue() + "):\n" + other);
        }
        return result;
    }
}
