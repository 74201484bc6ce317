package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Exactly {@code CryptoJS.AES.encrypt(text, passphrase).toString()} and its inverse (docs/protocol.md section 2): base64
 * of {@code "Salted__" || salt || AES-256-CBC-PKCS7(UTF-8(text))}, key and IV from OpenSSL's
 * {@code EVP_BytesToKey(MD5, 1 iteration)}. This format has no integrity of its own; callers verify a MAC first.
 */
public final class CryptoJsAes {
    public static final int SALT_BYTES = 8;
    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + SALT_BYTES;
    private static final int BLOCK = 16;
    private static final int KEY_BYTES = 32;

    private CryptoJsAes() {}

    /** Encrypts under a fresh CSPRNG salt (crypto-js 3.1.2 would use {@code Math.random}). */
    public static String encrypt(String plaintext, String passphrase) {
        return encrypt(plaintext, passphrase, Csprng.bytes(SALT_BYTES));
    }

    /** As {@link #encrypt(String, String)} with the passphrase's UTF-8 bytes, which it zeroes. */
    public static String encrypt(String plaintext, byte[] passphraseUtf8) {
        return encrypt(plaintext, passphraseUtf8, Csprng.bytes(SALT_BYTES));
    }

    /**
     * Encrypts under the given salt: only for test vectors, as a repeated salt repeats key and IV.
     *
     * @throws IllegalArgumentException when the text or passphrase has a lone surrogate (it has no UTF-8 form)
     */
    public static String encrypt(String plaintext, String passphrase, byte[] salt8) {
        return encrypt(plaintext, passphraseBytes(passphrase), salt8);
    }

    private static String encrypt(String plaintext, byte[] passphraseUtf8, byte[] salt8) {
        try {
            return encryptWith(plaintext, passphraseUtf8, salt8);
        } finally {
            Arrays.fill(passphraseUtf8, (byte) 0); // on every path, a refused text included
        }
    }

    private static String encryptWith(String plaintext, byte[] passphraseUtf8, byte[] salt8) {
        if (salt8.length != SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + SALT_BYTES + " bytes, not " + salt8.length);
        }
        byte[] text = StrictUtf8.encode(plaintext);
        byte[] keyAndIv = evpBytesToKey(passphraseUtf8, salt8);
        try {
            byte[] body = cipher(Cipher.ENCRYPT_MODE, keyAndIv).doFinal(text);
            byte[] out = new byte[HEADER_BYTES + body.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(salt8, 0, out, MAGIC.length, SALT_BYTES);
            System.arraycopy(body, 0, out, HEADER_BYTES, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is missing from this JDK", e);
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(keyAndIv, (byte) 0);
        }
    }

    /**
     * Decrypts a ciphertext made by {@link #encrypt} or by CryptoJS / {@code openssl enc -md md5}.
     *
     * @throws DecryptionException saying which check failed; bad padding usually means a wrong passphrase
     */
    public static String decrypt(String ciphertext, String passphrase) throws DecryptionException {
        return decrypt(ciphertext, passphraseBytes(passphrase));
    }

    /** As {@link #decrypt(String, String)} with the passphrase's UTF-8 bytes, which it zeroes. */
    public static String decrypt(String ciphertext, byte[] passphraseUtf8) throws DecryptionException {
        try {
            return decryptWith(ciphertext, passphraseUtf8);
        } finally {
            Arrays.fill(passphraseUtf8, (byte) 0); // on every path, a refused ciphertext included
        }
    }

    private static String decryptWith(String ciphertext, byte[] passphraseUtf8) throws DecryptionException {
        byte[] raw = decodeCanonicalBase64(ciphertext);
        if (raw.length < HEADER_BYTES || !Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new DecryptionException(DecryptionException.Reason.NO_SALT_HEADER,
                    "ciphertext does not start with the 16-byte \"Salted__\" header");
        }
        int bodyLength = raw.length - HEADER_BYTES;
        if (bodyLength == 0 || bodyLength % BLOCK != 0) {
            throw new DecryptionException(DecryptionException.Reason.BAD_LENGTH,
                    "ciphertext body is " + bodyLength + " bytes, not a positive multiple of 16");
        }
        byte[] salt = Arrays.copyOfRange(raw, MAGIC.length, HEADER_BYTES);
        byte[] keyAndIv = evpBytesToKey(passphraseUtf8, salt);
        byte[] text = null;
        try {
            text = cipher(Cipher.DECRYPT_MODE, keyAndIv).doFinal(raw, HEADER_BYTES, bodyLength);
            byte[] plain = text;
            return StrictUtf8.decode(plain).orElseThrow(() -> new DecryptionException(
                    DecryptionException.Reason.BAD_UTF8, "plaintext is not valid UTF-8"));
        } catch (BadPaddingException e) {
            throw new DecryptionException(DecryptionException.Reason.BAD_PADDING,
                    "bad PKCS#7 padding (wrong passphrase or corrupted ciphertext)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is missing from this JDK", e);
        } finally {
            Arrays.fill(keyAndIv, (byte) 0);
            if (text != null) {
                Arrays.fill(text, (byte) 0);
            }
        }
    }

    private static byte[] decodeCanonicalBase64(String text) throws DecryptionException {
        try {
            byte[] raw = Base64.getDecoder().decode(text);
            // the JDK decoder accepts missing padding and stray low bits in the last group; CryptoJS never writes
            // either, so the text must be whole groups of 4 and its last group what that group's bytes encode to
            if (text.length() % 4 == 0 && lastGroupIsCanonical(text, raw)) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the one error below
        }
        throw new DecryptionException(DecryptionException.Reason.NOT_BASE64,
                "ciphertext is not canonical single-line base64");
    }

    private static boolean lastGroupIsCanonical(String text, byte[] raw) {
        if (raw.length == 0) {
            return text.isEmpty();
        }
        int tail = raw.length % 3 == 0 ? 3 : raw.length % 3;
        byte[] group = Base64.getEncoder().encode(Arrays.copyOfRange(raw, raw.length - tail, raw.length));
        return text.regionMatches(text.length() - 4, new String(group, StandardCharsets.US_ASCII), 0, 4);
    }

    private static byte[] passphraseBytes(String passphrase) {
        try {
            return StrictUtf8.encode(passphrase);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passphrase is not valid Unicode", e);
        }
    }

    /** OpenSSL's EVP_BytesToKey with MD5 and one round: D_i = MD5(D_(i-1) || passphrase || salt), key || IV. */
    static byte[] evpBytesToKey(byte[] passphrase, byte[] salt) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] out = new byte[KEY_BYTES + BLOCK];
            byte[] previous = new byte[0];
            for (int filled = 0; filled < out.length; filled += previous.length) {
                md5.update(previous);
                md5.update(passphrase);
                md5.update(salt);
                previous = md5.digest();
                System.arraycopy(previous, 0, out, filled, Math.min(previous.length, out.length - filled));
            }
            Arrays.fill(previous, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        } finally {
            Arrays.fill(passphrase, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] keyAndIv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(keyAndIv, 0, KEY_BYTES, "AES"),
                new IvParameterSpec(keyAndIv, KEY_BYTES, BLOCK));
        return cipher;
    }
}
