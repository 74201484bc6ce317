package parley.ui.conversation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import parley.chat.Attachment;
import parley.chat.FileSizes;
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

    /**
     * Why a file of {@code size} bytes cannot be sent, in the chat service's words (it refuses the same files with
     * the same sentences when asked to send them): a file too large names both sizes, exactly, since 100 MiB and a
     * byte would read alike rounded.
     */
    static Optional<String> refusal(String name, long size) {
        if (size == 0) {
            return Optional.of(name + " is empty: there is nothing to send");
        }
        if (size > Attachment.MAX_SIZE) {
            return Optional.of(String.format(Locale.ROOT,
                    "%s is too large to send: it is %,d bytes (%s); Parley sends files of up to %,d bytes (100 MiB)",
                    name, size, FileSizes.describe(size), Attachment.MAX_SIZE));
        }
        return Optional.empty();
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
