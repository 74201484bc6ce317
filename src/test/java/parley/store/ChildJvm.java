package parley.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link StoreChild} in a separate JVM with this test's class path. */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(String mode, Path dir) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName(), mode, dir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
