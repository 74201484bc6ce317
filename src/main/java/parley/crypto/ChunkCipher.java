package parley.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A file's chunks under its {@link FileKey} (docs/protocol.md section 9.2): AES-256-GCM over exactly
 * {@link #CHUNK_SIZE} bytes (the last chunk zero-padded), nonce = four zero bytes and the index as an 8-byte
 * big-endian integer, AAD = {@code "parley-chunk-v1|" + fileId + "|" + i + "|" + count}. The AAD ties a chunk to its
 * file and place, so a chunk of another file, or moved, fails its tag.
 */
public final class ChunkCipher {
    /** C: the bytes of the file in one chunk. */
    public static final int CHUNK_SIZE = 65_536;
    private static final int TAG_BYTES = 16;
    /** The bytes of one sealed chunk: ciphertext and tag. */
    public static final int SEALED_SIZE = CHUNK_SIZE + TAG_BYTES;

    private ChunkCipher() {}

    /** N = ceil(size / C). */
    public static int chunkCount(long size) {
        return Math.toIntExact((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
    }

    /** Seals {@code plain} (at most C bytes; zero-padded to C) as chunk {@code index} of {@code count}. */
    public static byte[] seal(FileKey key, String fileId, int index, int count, byte[] plain, int length) {
        if (length > CHUNK_SIZE || length < 0) {
            throw new IllegalArgumentException("a chunk holds at most " + CHUNK_SIZE + " bytes, not " + length);
        }
        byte[] padded = new byte[CHUNK_SIZE];
        System.arraycopy(plain, 0, padded, 0, length);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, key, fileId, index, count);
            return gcm.doFinal(padded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The C padded bytes of chunk {@code index}, or a {@link DecryptionException} when its tag does not verify
     * under this key, file and place (tampered with, or another file's).
     */
    public static byte[] open(FileKey key, String fileId, int index, int count, byte[] sealed)
            throws DecryptionException {
        if (sealed.length != SEALED_SIZE) {
            throw new DecryptionException(DecryptionException.Reason.BAD_LENGTH,
                    "a sealed chunk is " + SEALED_SIZE + " bytes, not " + sealed.length);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, key, fileId, index, count).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(DecryptionException.Reason.BAD_TAG, "the chunk's tag does not verify");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The bytes of the file in chunk {@code index} of a file of {@code size} bytes: C, or less for the last. */
    public static int lengthOf(int index, long size) {
        return (int) Math.min(CHUNK_SIZE, size - (long) index * CHUNK_SIZE);
    }

    private static Cipher cipher(int mode, FileKey key, String fileId, int index, int count)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, key.aesKey(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        gcm.updateAAD(("parley-chunk-v1|" + fileId + "|" + index + "|" + count).getBytes(StandardCharsets.UTF_8));
        return gcm;
    }
}
