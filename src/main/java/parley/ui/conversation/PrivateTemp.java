package parley.ui.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a file leaves the profile in the clear for a moment (a pasted picture on its way in, a file handed to the
 * desktop's application): a fresh folder in the system's temporary folder that only this user can enter, gone when
 * Parley quits at the latest. Blocks.
 */
final class PrivateTemp {
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateTemp() {}

    static Path folder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix, FOLDER);
        dir.toFile().deleteOnExit();
        return dir;
    }

    /** {@code file}, in a folder of {@link #folder}, to be deleted at exit (registered after its folder: before it). */
    static Path forget(Path file) {
        file.toFile().deleteOnExit();
        return file;
    }
}
