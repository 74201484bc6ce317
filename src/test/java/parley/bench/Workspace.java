package parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run keeps its profiles: {@code disk} (the temp dir, as a user's profile would be), and {@code memory}, a
 * folder on tmpfs (/dev/shm) for the comparison runs that show what disk syncs cost (the disk again without one).
 * {@link #close()} deletes both.
 */
record Workspace(Path disk, Path memory) implements AutoCloseable {
    static Workspace create() throws IOException {
        Path disk = Files.createTempDirectory("parley-bench-");
        Path shm = Path.of("/dev/shm");
        Path memory = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "parley-bench-") : Files.createDirectory(disk.resolve("memory"));
        return new Workspace(disk, memory);
    }

    Path onDisk(String name) throws IOException {
        return Files.createTempDirectory(disk, name);
    }

    Path inMemory(String name) throws IOException {
        return Files.createTempDirectory(memory, name);
    }

    @Override
    public void close() throws IOException {
        for (Path root : new Path[] {memory, disk}) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
