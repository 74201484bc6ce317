package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A chat key: 32 CSPRNG bytes written as 43 base64url characters. The invite key K, the chat key K2 and every
 * epoch key have this form, and the 43-character string itself is the CryptoJS passphrase (docs/protocol.md section 2).
 */
public final class ChatKey {
    public static final int BYTES = 32;
    private final String encoded;

    private ChatKey(String encoded) {
        this.encoded = encoded;
    }

    /** Validates a key read from a link, a payload or the store; the error names {@code "key"}. */
    public static ChatKey of(String encoded) {
        return of("key", encoded);
    }

    /** As {@link #of(String)}, naming {@code field} in the error. */
    public static ChatKey of(String field, String encoded) {
        Base64Url.decode(field, encoded, BYTES);
        return new ChatKey(encoded);
    }

    public static ChatKey fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("key must be " + BYTES + " bytes, not " + bytes.length);
        }
        return new ChatKey(Base64Url.encode(bytes));
    }

    public static ChatKey random() {
        return fromBytes(Csprng.bytes(BYTES));
    }

    /** The passphrase string handed to the CryptoJS-format cipher and to HMAC. */
    public String passphrase() {
        return encoded;
    }

    public byte[] passphraseUtf8() {
        return encoded.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatKey other
                && MessageDigest.isEqual(passphraseUtf8(), other.passphraseUtf8());
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    @Override
    public String toString() {
        return "ChatKey[***]";
    }
}
