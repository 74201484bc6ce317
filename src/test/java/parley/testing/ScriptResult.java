package parley.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What a harness script or tool printed (stdout and stderr together) and how it exited. */
public record ScriptResult(int exitCode, String output) {
    /**
     * Runs {@code builder} to its end, with no input; -1 and a note when it outlives {@code timeout}. The servers
     * the scripts start write to their own logs, so the pipe closes when the script exits.
     */
    static ScriptResult run(ProcessBuilder builder, Duration timeout) {
        try {
            Process process = builder.redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new ScriptResult(-1, output + "\n(timed out after " + timeout.toSeconds() + " s)");
            }
            return new ScriptResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + builder.command(), e);
        }
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + ", output:\n" + output;
    }
}
