package parley.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a file cannot be sent, before anything of it is read: the one wording the service refuses with and the
 * faces show in their previews. A file too large names both sizes exactly, since 100 MiB and a byte read alike
 * rounded.
 */
public final class FileRefusal {
    private FileRefusal() {}

    /** Empty when a file of {@code size} bytes named {@code name} may be sent. */
    public static Optional<String> of(String name, long size) {
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
}
