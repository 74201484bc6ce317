package parley.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built runtime image's launcher as a user's shell would on a machine without a JDK: a cleared environment
 * (no {@code JAVA_HOME}), {@code PATH=/usr/bin:/bin}, a private {@code HOME}. Output goes to files, so a chatty
 * process never blocks on a full pipe.
 */
final class ImageProcess {
    /** The image Maven built in {@code package} (jlink/build-image). */
    static final Path IMAGE = Path.of(System.getProperty("parley.buildDir", "target"), "parley");

    /** One finished run: exit code and what it printed. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path launcher;
    private final Path home;
    private final Map<String, String> extraEnvironment;
    private final Process process;
    private final Path out;
    private final Path err;

    private ImageProcess(Path launcher, Path home, Map<String, String> extraEnvironment, List<String> args)
            throws IOException {
        this.launcher = launcher;
        this.home = home;
        this.extraEnvironment = extraEnvironment;
        Files.createDirectories(home);
        this.out = Files.createTempFile(home, "out-", ".txt");
        this.err = Files.createTempFile(home, "err-", ".txt");
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extraEnvironment);
        this.process = builder.start();
    }

    /** Starts {@code launcher args...}; {@code home} is the process's private HOME. */
    static ImageProcess start(Path launcher, Path home, Map<String, String> extraEnvironment, String... args)
            throws IOException {
        return new ImageProcess(launcher, home, extraEnvironment, List.of(args));
    }

    /** Runs the image's {@code bin/parley args...} to the end (at most {@code timeout}). */
    static Run run(Path home, Duration timeout, String... args) throws IOException, InterruptedException {
        return start(IMAGE.resolve("bin/parley"), home, Map.of(), args).await(timeout);
    }

    /** Waits for the end; a process still running after {@code timeout} is killed and fails the test. */
    Run await(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(launcher + " did not finish within " + timeout + ":\n" + finished(-1));
        }
        return finished(process.exitValue());
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops it as a desktop session's end would (SIGTERM), killing it if it has not gone within {@code grace}. */
    Run stop(Duration grace) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return finished(process.exitValue());
    }

    /**
     * Stops it and every process it started (a launcher such as xdg-open runs the app as its child): SIGTERM to the
     * children first, then as {@link #stop}.
     */
    Run stopWithChildren(Duration grace) throws IOException, InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle child : children) {
            while (child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            child.destroyForcibly();
        }
        return stop(grace);
    }

    /** What it printed so far on stdout. */
    String outputSoFar() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private Run finished(int code) throws IOException {
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return launcher + " (HOME " + home + ", extra env " + extraEnvironment.keySet() + ")";
    }
}
