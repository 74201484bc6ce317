package parley.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file's media type for its manifest: the picture formats Parley shows inline by their signature bytes (the
 * receiver checks the same), anything else as the platform guesses it, {@code application/octet-stream} when it
 * does not know.
 */
public final class MediaTypes {
    private static final Pattern VALID =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

    private MediaTypes() {}

    static String of(Path file, byte[] head) {
        Optional<String> picture = pictureBySignature(head);
        if (picture.isPresent()) {
            return picture.get();
        }
        try {
            String probed = Files.probeContentType(file);
            if (probed != null) {
                String lower = probed.toLowerCase(Locale.ROOT);
                if (VALID.matcher(lower).matches() && pictureBySignature(head).isEmpty()
                        && !lower.equals("image/png") && !lower.equals("image/jpeg") && !lower.equals("image/gif")) {
                    return lower; // a name ending in .png whose bytes are not a PNG is not shown as a picture
                }
            }
        } catch (IOException | SecurityException e) {
            // no guess
        }
        return "application/octet-stream";
    }

    /** PNG, JPEG or GIF when the first bytes are that format's signature. */
    public static Optional<String> pictureBySignature(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
