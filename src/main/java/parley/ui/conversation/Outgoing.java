package parley.ui.conversation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import parley.chat.FileRefusal;
import parley.ui.kit.SafePicture;
import parley.ui.threads.Edt;

/**
 * A file the user is about to send, as the preview shows it: its name, size and type, a thumbnail when it is a
 * picture, and why it cannot be sent when it cannot (too large, empty, not a file). Read from the disk off the EDT.
 */
record Outgoing(Path path, String name, long size, String type, Optional<BufferedImage> picture, Optional<String> refusal,
        boolean temporary) {

    /** Reads what the preview needs about {@code path}; blocks (on the background thread). */
    static Outgoing read(Path path, boolean temporary) {
        Edt.forbid();
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            String why = Files.isDirectory(path) ? name + " is a folder: only files can be sent"
                    : name + " is not a file that can be read";
            return new Outgoing(path, name, 0, "", Optional.empty(), Optional.of(why), temporary);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            return new Outgoing(path, name, 0, "", Optional.empty(), Optional.of(name + " cannot be read"), temporary);
        }
        String type = type(path);
        Optional<String> refusal = refusal(name, size);
        Optional<BufferedImage> picture = refusal.isEmpty() && type.startsWith("image/") ? thumbnail(path) : Optional.empty();
        return new Outgoing(path, name, size, type, picture, refusal, temporary);
    }

    /** Why a file cannot be sent, in the chat service's words (it refuses the same files the same way). */
    static Optional<String> refusal(String name, long size) {
        return FileRefusal.of(name, size);
    }

    private static String type(Path path) {
        try {
            String t = Files.probeContentType(path);
            return t != null ? t : "application/octet-stream";
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /** A picture that cannot be decoded safely is still sent, as a file: the preview only goes without a thumbnail. */
    private static Optional<BufferedImage> thumbnail(Path path) {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(SafePicture.read(in, Optional.empty(), Thumbnails.BOX));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Outgoing[size=" + size + ", type=" + type + (refusal.isPresent() ? ", refused" : "") + "]";
    }
}
