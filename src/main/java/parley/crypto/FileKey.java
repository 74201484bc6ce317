package parley.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * A file's own key F (docs/protocol.md section 9.2): 32 CSPRNG bytes, written as 43 base64url characters, fresh for
 * every file sent and independent of the chat's epoch keys. {@code toString} never shows it.
 */
public final class FileKey {
    public static final int BYTES = 32;
    private final byte[] raw;

    private FileKey(byte[] raw) {
        this.raw = raw;
    }

    public static FileKey random() {
        return new FileKey(Csprng.bytes(BYTES));
    }

    /** Validates a key read from a manifest or the store; the error names {@code field}. */
    public static FileKey of(String field, String encoded) {
        return new FileKey(Base64Url.decode(field, encoded, BYTES));
    }

    /** The 43 characters, for the manifest and the at-rest record (both encrypted) only. */
    public String encoded() {
        return Base64Url.encode(raw);
    }

    SecretKeySpec aesKey() {
        return new SecretKeySpec(raw, "AES");
    }

    /** Zeroes the key: when its message is deleted. */
    public void destroy() {
        Arrays.fill(raw, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileKey other && MessageDigest.isEqual(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "FileKey[hidden]";
    }
}
