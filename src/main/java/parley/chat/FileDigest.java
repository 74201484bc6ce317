package parley.chat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.DecryptionException;
import parley.crypto.FileKey;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;
import parley.store.ChunkFile;
import parley.store.StoreException;

/** The whole-file SHA-256 of a manifest (docs/protocol.md section 9.2): computed while sealing, checked at the end. */
final class FileDigest {
    private FileDigest() {}

    /**
     * What the end check found: chunks whose copy in the profile no longer opens (a write the disk lost in a crash:
     * asked for again), else whether the file is the one the manifest announced.
     */
    record Check(List<Integer> damaged, boolean matches) {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Reads every chunk of a file held whole, one at a time, and checks each opens and the whole matches the
     * manifest's digest. Safe on any thread: it works with its own copy of the file key. Interrupted, it gives no
     * verdict (an exception), so a closing service never takes a chunk for lost.
     */
    static Check check(ChunkFile chunks, FileManifest manifest, MessageId id) {
        FileKey key = FileKey.of("key", manifest.key().encoded());
        MessageDigest sha256 = sha256();
        List<Integer> damaged = new ArrayList<>();
        try {
            for (int i = 0; i < manifest.count(); i++) {
                byte[] plain;
                try {
                    plain = ChunkCipher.open(key, id.value(), i, manifest.count(), chunks.read(i));
                } catch (DecryptionException | StoreException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        // the service is closing (its file threads are interrupted): no verdict, checked again
                        throw new IllegalStateException("the check of a received file was interrupted", e);
                    }
                    damaged.add(i);
                    continue;
                }
                sha256.update(plain, 0, ChunkCipher.lengthOf(i, manifest.size()));
                java.util.Arrays.fill(plain, (byte) 0);
            }
        } finally {
            key.destroy();
        }
        return new Check(List.copyOf(damaged), damaged.isEmpty() && MessageDigest.isEqual(sha256.digest(),
                Base64Url.decode("sha256", manifest.sha256(), 32)));
    }
}
