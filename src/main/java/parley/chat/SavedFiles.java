package parley.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file out of the profile in the clear, where the user said: under its own name, never over another file
 * ("name (1).ext" instead), created with mode 0600 (where the file system has modes), removed again if the write
 * fails half-way.
 */
final class SavedFiles {
    private static final int MAX_TRIES = 1_000;

    private SavedFiles() {}

    static Path save(InputStream contents, String name, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ChatException(ChatException.Problem.FILE, directory + " is not a folder");
        }
        for (int n = 0; n < MAX_TRIES; n++) {
            Path target = directory.resolve(numbered(name, n));
            if (!target.getParent().equals(directory)) {
                throw new ChatException(ChatException.Problem.FILE, "the file's name is not a plain name");
            }
            try (OutputStream out = create(target)) {
                try {
                    contents.transferTo(out);
                } catch (IOException e) {
                    out.close();
                    Files.deleteIfExists(target);
                    throw new ChatException(ChatException.Problem.FILE, "could not save " + target + ": "
                            + e.getMessage(), e);
                }
                return target;
            } catch (FileAlreadyExistsException taken) {
                // the next number
            } catch (IOException e) {
                throw new ChatException(ChatException.Problem.FILE, "could not save into " + directory + ": "
                        + e.getMessage(), e);
            }
        }
        throw new ChatException(ChatException.Problem.FILE, "too many files called " + name + " in " + directory);
    }

    /** "report.pdf", then "report (1).pdf", "report (2).pdf"... */
    static String numbered(String name, int n) {
        if (n == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    private static OutputStream create(Path target) throws IOException {
        if (Files.getFileStore(target.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        return Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
