package parley.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import parley.crypto.Base64Url;
import parley.crypto.ChunkCipher;
import parley.crypto.FileKey;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;
import parley.store.ChunkFile;
import parley.store.StoreException;

/**
 * Turns a file the user picked into the sealed chunks of docs/protocol.md section 9.2 and its manifest: read once,
 * hashed and encrypted under a fresh key into the profile, so the original may change or go once this returns.
 * Runs off the chat thread; memory stays at one chunk.
 */
final class FileSealing {
    private FileSealing() {}

    static FileManifest seal(Path source, MessageId id, ChunkFile into) {
        long size = sizeOf(source);
        FileRefusal.of(source.getFileName().toString(), size).ifPresent(refusal -> {
            throw new ChatException(size > 0 ? ChatException.Problem.TOO_LARGE : ChatException.Problem.FILE, refusal);
        });
        FileKey key = FileKey.random();
        int count = ChunkCipher.chunkCount(size);
        MessageDigest sha256 = FileDigest.sha256();
        byte[] head = new byte[0];
        try (InputStream in = Files.newInputStream(source); ChunkFile.Sink sink = into.sink()) {
            byte[] buffer = new byte[ChunkCipher.CHUNK_SIZE];
            for (int i = 0; i < count; i++) {
                int want = ChunkCipher.lengthOf(i, size);
                int got = in.readNBytes(buffer, 0, want);
                if (got != want) {
                    throw changed(source);
                }
                if (i == 0) {
                    head = java.util.Arrays.copyOf(buffer, Math.min(got, 16));
                }
                sha256.update(buffer, 0, got);
                sink.put(ChunkCipher.seal(key, id.value(), i, count, buffer, got));
            }
            if (in.read() >= 0) {
                throw changed(source);
            }
        } catch (IOException e) {
            into.delete();
            throw new ChatException(ChatException.Problem.FILE, "cannot read " + source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            into.delete();
            throw e instanceof StoreException store
                    ? new ChatException(ChatException.Problem.STORE, store.getMessage(), store)
                    : e;
        }
        return new FileManifest(FileNames.sendable(source.getFileName().toString()), size,
                MediaTypes.of(source, head), count, Base64Url.encode(sha256.digest()), key);
    }

    private static long sizeOf(Path source) {
        try {
            if (!Files.exists(source)) {
                throw new ChatException(ChatException.Problem.FILE, source + " does not exist");
            }
            if (!Files.isRegularFile(source)) {
                throw new ChatException(ChatException.Problem.FILE, source + " is not a file");
            }
            return Files.size(source);
        } catch (NoSuchFileException e) {
            throw new ChatException(ChatException.Problem.FILE, source + " does not exist", e);
        } catch (IOException e) {
            throw new ChatException(ChatException.Problem.FILE, "cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static ChatException changed(Path source) {
        return new ChatException(ChatException.Problem.FILE, source.getFileName()
                + " changed while it was being read: send it again once it is written");
    }
}
