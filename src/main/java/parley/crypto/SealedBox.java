package parley.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for data at rest: {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}, a fresh random nonce per
 * seal. The associated data binds a blob to where it is stored (say a chat id and a column), so blobs cannot be
 * swapped between rows without {@link #open} failing. Random 96-bit nonces stay safe for far more seals under one
 * key than a profile will ever make (NIST SP 800-38D allows 2^32).
 *
 * <p>Thread-safe: every call makes its own {@link Cipher}.
 */
public final class SealedBox {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    /** Bytes a sealed blob has on top of its plaintext. */
    public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;

    private final byte[] key;
    private volatile boolean destroyed;

    private SealedBox(byte[] key) {
        this.key = key;
    }

    /** A box under a copy of {@code key32}; the caller may clear its own array afterwards. */
    public static SealedBox of(byte[] key32) {
        if (key32 == null || key32.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "at-rest key must be " + KEY_BYTES + " bytes, not " + (key32 == null ? "missing" : key32.length));
        }
        return new SealedBox(key32.clone());
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = Csprng.bytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            cipher.updateAAD(associatedData);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every JDK: this is a broken runtime, not bad input
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** @throws AtRestException when the key is wrong or the blob or its associated data were changed */
    public byte[] open(byte[] sealed, byte[] associatedData) throws AtRestException {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new AtRestException("sealed data is too short to be AES-GCM output ("
                    + (sealed == null ? "missing" : sealed.length + " bytes") + ")");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new AtRestException("sealed data does not authenticate: wrong key, or changed data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** Zeroes the key; later calls fail. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("this SealedBox was destroyed");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return cipher;
    }

    @Override
    public String toString() {
        return "SealedBox[AES-256-GCM, key ***]";
    }
}
