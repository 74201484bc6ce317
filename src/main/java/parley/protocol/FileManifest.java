package parley.protocol;

import java.util.regex.Pattern;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.FileKey;
import parley.crypto.StrictUtf8;
import parley.text.DisplayNames;

/**
 * The {@code file} of a {@code msg} (docs/protocol.md section 9.3): what a file is and the key to its chunks. Every
 * rule is checked here, so a manifest that lies about its size or count, or names a file with a path in it, is
 * never built; the chat drops it as {@code malformed}. {@code toString} shows neither the name nor the key.
 */
public record FileManifest(String name, long size, String type, int count, String sha256, FileKey key) {
    public static final long MAX_SIZE = 100L * 1024 * 1024;
    public static final int MAX_NAME_BYTES = 255;
    public static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

    public FileManifest {
        Fields.required("file.name", name);
        Fields.required("file.type", type);
        Fields.required("file.key", key);
        nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("file.name " + problem);
        });
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("file.size must be 1 to " + MAX_SIZE + ", not " + size);
        }
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("file.type is not a lower-case media type");
        }
        if (count != ChunkCipher.chunkCount(size)) {
            throw new IllegalArgumentException("file.count must be " + ChunkCipher.chunkCount(size) + " for "
                    + size + " bytes, not " + count);
        }
        Base64Url.decode("file.sha256", sha256, 32);
    }

    /** A manifest for a file of {@code size} bytes: the count follows from the size. */
    public static FileManifest of(String name, long size, String type, String sha256, FileKey key) {
        return new FileManifest(name, size, type, ChunkCipher.chunkCount(Math.max(0, Math.min(size, MAX_SIZE))),
                sha256, key);
    }

    /**
     * Why {@code name} cannot be a file's name, as the end of a sentence, or empty: 1 to 255 bytes of UTF-8, no
     * control or bidirectional characters, no path ({@code /}, {@code \}, NUL, {@code .}, {@code ..}), no white
     * space at either end.
     */
    public static java.util.Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return java.util.Optional.of("is empty");
        }
        if (!StrictUtf8.isValid(name)) {
            return java.util.Optional.of("is not valid text");
        }
        if (StrictUtf8.length(name) > MAX_NAME_BYTES) {
            return java.util.Optional.of("is longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (name.codePoints().anyMatch(DisplayNames::isControl)) {
            return java.util.Optional.of("contains control characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            return java.util.Optional.of("is a path, not a file name");
        }
        if (!name.strip().equals(name)) {
            return java.util.Optional.of("starts or ends with white space");
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return "FileManifest[size=" + size + ", type=" + type + ", count=" + count + "]";
    }
}
