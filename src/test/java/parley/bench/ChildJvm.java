package parley.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark's measured side in a JVM of its own (so its peak RSS and threads are its own), on this JVM's
 * class path, and returns the JSON figures it prints after {@link ScaleChild#RESULT}.
 */
final class ChildJvm {
    /** The child's JVM options: the JVM's defaults. */
    static final List<String> FLAGS = List.of();
    /** A desktop launcher's options for a small footprint (the options the packaging measured). */
    static final List<String> SMALL_FOOTPRINT = List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1");

    private ChildJvm() {}

    static JsonObject run(Class<?> main, List<String> extraFlags, String... args) throws IOException, InterruptedException {
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
