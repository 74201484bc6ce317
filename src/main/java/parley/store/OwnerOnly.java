package parley.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only permissions for the profile: the directory 0700, the files in it 0600. The directory mode is the real
 * protection (H2 creates files with the process umask, and a full compaction writes a new file); the file modes are
 * a second line. Symbolic links inside the profile are left alone: changing the mode of what they point at could
 * affect files outside the profile. A profile directory that is itself a symbolic link is refused, so the mode
 * Parley checks is always the mode of the directory that holds the data. On a file system without POSIX
 * permissions (Windows) nothing is changed: the user's profile folder ACLs protect it there.
 */
final class OwnerOnly {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} and every parent it has to create with mode 0700; refuses a symbolic link. */
    static Path prepareDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            throw new StoreException("profile directory " + absolute
                    + " is a symbolic link; give the directory it points to instead");
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        try {
            for (Path p : missing) {
                try {
                    Files.createDirectory(p, attribute(DIRECTORY, p));
                    setMode(p, DIRECTORY); // the umask may have removed bits from the attribute
                } catch (FileAlreadyExistsException raced) {
                    // someone made it meanwhile: fine, it is checked below like any existing directory
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create profile directory " + absolute + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new StoreException("profile directory " + absolute + " is not a directory");
        }
        return absolute;
    }

    /** Creates an empty file with mode 0600, so it is never readable by others, not even for a moment. */
    static void createFile(Path file) {
        try {
            Files.createFile(file, attribute(FILE, file.getParent()));
        } catch (IOException e) {
            throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the directory to 0700 and each file directly in it to 0600 (sub-directories 0700), leaving symbolic links
     * alone.
     *
     * @return the names of the entries whose mode was changed, for one warning by the caller
     */
    static List<String> tighten(Path dir) {
        List<String> changed = new ArrayList<>();
        if (!posix(dir)) {
            return changed;
        }
        try {
            if (setMode(dir, DIRECTORY)) {
                changed.add(".");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    if (Files.isSymbolicLink(entry)) {
                        continue;
                    }
                    boolean isDirectory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                    try {
                        if (setMode(entry, isDirectory ? DIRECTORY : FILE)) {
                            changed.add(entry.getFileName().toString());
                        }
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // H2 deleted a temporary file meanwhile
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot restrict permissions in " + dir + ": " + e.getMessage(), e);
        }
        return changed;
    }

    private static boolean setMode(Path path, Set<PosixFilePermission> wanted) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || view.readAttributes().permissions().equals(wanted)) {
            return false;
        }
        view.setPermissions(wanted);
        return true;
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> mode, Path near) {
        Path existing = near;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && posix(existing)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }
}
