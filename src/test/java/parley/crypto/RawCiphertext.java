package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds CryptoJS-format ciphertexts that an honest sender never makes (bad padding, invalid UTF-8) with the raw
 * JCE cipher, so the tests can show that each is refused for the right reason even under a valid MAC.
 */
public final class RawCiphertext {
    private RawCiphertext() {}

    /** {@code "Salted__" || salt || AES-256-CBC(body)} with PKCS#7 padding added by the cipher. */
    public static String padded(byte[] plaintext, String passphrase) {
        return build(plaintext, passphrase, "AES/CBC/PKCS5Padding");
    }

    /** As {@link #padded}, but {@code body} (a whole number of blocks) is encrypted as is, its padding unchecked. */
    public static String unpadded(byte[] body, String passphrase) {
        return build(body, passphrase, "AES/CBC/NoPadding");
    }

    private static String build(byte[] body, String passphrase, String transformation) {
        try {
            byte[] salt = Csprng.bytes(8);
            byte[] keyAndIv = CryptoJsAes.evpBytesToKey(passphrase.getBytes(StandardCharsets.UTF_8), salt);
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndIv, 0, 32, "AES"),
                    new IvParameterSpec(keyAndIv, 32, 16));
            byte[] encrypted = cipher.doFinal(body);
            byte[] out = new byte[16 + encrypted.length];
            System.arraycopy("Salted__".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 8);
            System.arraycopy(salt, 0, out, 8, 8);
            System.arraycopy(encrypted, 0, out, 16, encrypted.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One block whose last byte, 0x00, is no valid PKCS#7 padding. */
    public static byte[] blockWithBadPadding() {
        byte[] block = new byte[16];
        Arrays.fill(block, (byte) 'a');
        block[15] = 0;
        return block;
    }
}
