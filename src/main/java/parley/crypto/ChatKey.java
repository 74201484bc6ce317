package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A chat key: 32 CSPRNG bytes written as 43 base64url characters. The invite key K, the chat key K2 and every
 * epoch key have this form, and the 43-character string itself is the CryptoJS passphrase (docs/protocol.md section 2).
 *
 * <p>The characters are kept in a byte array that {@link #destroy()} zeroes, so an erased key does not stay in
 * this object until a garbage collection. Copies made for the JSON codec and the invite link ({@link #passphrase()})
 * are Strings and cannot be erased: SECURITY.md, "Keys in memory", says what remains.
 */
public final class ChatKey {
    public static final int BYTES = 32;
    private final byte[] ascii;
    private final int hash;

    private ChatKey(byte[] ascii) {
        this.ascii = ascii;
        this.hash = Arrays.hashCode(ascii);
    }

    /** Validates a key read from a link, a payload or the store; the error names {@code "key"}. */
    public static ChatKey of(String encoded) {
        return of("key", encoded);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static ChatKey of(String field, String encoded) {
        byte[] raw = Base64Url.decode(field, encoded, BYTES);
        Arrays.fill(raw, (byte) 0);
        return new ChatKey(encoded.getBytes(StandardCharsets.US_ASCII));
    }

    public static ChatKey fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("key must be " + BYTES + " bytes, not " + bytes.length);
        }
        return new ChatKey(Base64Url.encode(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    public static ChatKey random() {
        byte[] bytes = Csprng.bytes(BYTES);
        try {
            return fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The passphrase as a String, for the JSON codec of the store and the invite link only: a String cannot be
     * erased. The ciphers use {@link #passphraseUtf8()}.
     */
    public String passphrase() {
        return new String(ascii, StandardCharsets.US_ASCII);
    }

    /** A fresh copy of the passphrase's UTF-8 (here ASCII) bytes, for the caller to zero after use. */
    public byte[] passphraseUtf8() {
        return ascii.clone();
    }

    /** Zeroes the key: it no longer equals anything and is useless. Called when a key is erased. */
    public void destroy() {
        Arrays.fill(ascii, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatKey other && MessageDigest.isEqual(ascii, other.ascii);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ChatKey[***]";
    }
}
