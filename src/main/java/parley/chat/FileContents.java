package parley.chat;

import java.io.IOException;
import java.io.InputStream;
import parley.crypto.ChunkCipher;
import parley.crypto.DecryptionException;
import parley.crypto.FileKey;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;
import parley.store.ChunkFile;
import parley.store.StoreException;

/**
 * The clear bytes of a file kept in the profile, decrypted one chunk at a time as they are read (memory stays at
 * one chunk whatever the file's size). Safe to read on any thread: it holds its own copy of the file key.
 */
final class FileContents extends InputStream {
    private final ChunkFile chunks;
    private final FileKey key;
    private final String fileId;
    private final long size;
    private final int count;
    private int next;
    private byte[] current = new byte[0];
    private int position;
    private int limit;

    FileContents(ChunkFile chunks, FileManifest manifest, MessageId id) {
        this.chunks = chunks;
        this.key = FileKey.of("key", manifest.key().encoded());
        this.fileId = id.value();
        this.size = manifest.size();
        this.count = manifest.count();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (next >= count) {
            return false;
        }
        try {
            java.util.Arrays.fill(current, (byte) 0);
            current = ChunkCipher.open(key, fileId, next, count, chunks.read(next));
        } catch (DecryptionException | StoreException e) {
            throw new IOException("the file's copy in the profile is damaged: " + e.getMessage(), e);
        }
        limit = ChunkCipher.lengthOf(next, size);
        position = 0;
        next++;
        return true;
    }

    @Override
    public void close() {
        java.util.Arrays.fill(current, (byte) 0);
        key.destroy();
        next = count;
        position = limit = 0;
    }
}
