package parley.crypto;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Canonical unpadded base64url, as every Parley id and key is written. Decoding is strict: a string that does not
 * re-encode to itself (padding, stray bits in the last character, other alphabets) is refused.
 */
public final class Base64Url {
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Decodes {@code text} that must stand for exactly {@code length} bytes.
     *
     * @param field named in the error message
     * @throws IllegalArgumentException naming {@code field} when the text is not canonical base64url of that length
     */
    public static byte[] decode(String field, String text, int length) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        int expectedChars = (length * 8 + 5) / 6;
        if (text.length() != expectedChars) {
            throw new IllegalArgumentException(
                    field + " must be " + expectedChars + " base64url characters, not " + text.length());
        }
        if (!ALPHABET.matcher(text).matches()) {
            throw new IllegalArgumentException(field + " has characters outside base64url (A-Z a-z 0-9 - _)");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new IllegalArgumentException(field + " is not canonical base64url");
        }
        return bytes;
    }
}
