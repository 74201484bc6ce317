package parley.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import parley.crypto.ChunkCipher;

/**
 * The sealed chunks of one file, in, or out, as they travel (ciphertext under the file's key, whose only copy is in
 * the transfer's encrypted state): chunk i at offset i x 65,552 of one file in the profile, mode 0600 in a 0700
 * directory. Holes are chunks not yet received; what counts as held is the transfer's state, not the file.
 */
public final class ChunkFile {
    private final Path path;

    ChunkFile(Path path) {
        this.path = path;
    }

    /**
     * Writes chunk {@code index}, not yet forced to disk: {@link #force} makes it durable, and a receiver counts it as
     * held in what it promises only after that (the group commit forces the chunks written in a turn before it syncs
     * the profile, one fsync per file instead of one per chunk).
     */
    public void write(int index, byte[] sealed) {
        if (sealed.length != ChunkCipher.SEALED_SIZE) {
            throw new IllegalArgumentException("a sealed chunk is " + ChunkCipher.SEALED_SIZE + " bytes");
        }
        try {
            if (!Files.exists(path)) {
                OwnerOnly.prepareDirectory(path.getParent());
                OwnerOnly.createFile(path);
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(sealed);
                long at = (long) index * ChunkCipher.SEALED_SIZE;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot write a file chunk into " + path.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a whole file's chunks in order through one channel, forced to disk once when closed: a sender sealing
     * a file it is about to offer. Replaces what was there.
     */
    public Sink sink() {
        try {
            OwnerOnly.prepareDirectory(path.getParent());
            Files.deleteIfExists(path);
            OwnerOnly.createFile(path);
            return new Sink(FileChannel.open(path, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new StoreException("cannot write a file into " + path.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** See {@link #sink()}. */
    public static final class Sink implements AutoCloseable {
        private final FileChannel channel;

        private Sink(FileChannel channel) {
            this.channel = channel;
        }

        public void put(byte[] sealed) {
            if (sealed.length != ChunkCipher.SEALED_SIZE) {
                throw new IllegalArgumentException("a sealed chunk is " + ChunkCipher.SEALED_SIZE + " bytes");
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(sealed);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new StoreException("cannot write a file chunk: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (channel) {
                channel.force(false);
            } catch (IOException e) {
                throw new StoreException("cannot write a file chunk: " + e.getMessage(), e);
            }
        }
    }

    /** Forces what {@link #write} wrote to disk; nothing to do when the file is gone (deleted meanwhile). */
    public void force() {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (NoSuchFileException e) {
            // deleted since: its transfer was given up, nothing of it is promised
        } catch (IOException e) {
            throw new StoreException("cannot force a file's chunks to disk in " + path.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Chunk {@code index} as it was written. */
    public byte[] read(int index) {
        byte[] sealed = new byte[ChunkCipher.SEALED_SIZE];
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(sealed);
            long at = (long) index * ChunkCipher.SEALED_SIZE;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new StoreException("file chunk " + index + " is missing from " + path);
                }
                at += n;
            }
        } catch (NoSuchFileException e) {
            throw new StoreException("the file's chunks are gone from the profile (" + path.getFileName() + ")", e);
        } catch (IOException e) {
            throw new StoreException("cannot read a file chunk from " + path + ": " + e.getMessage(), e);
        }
        return sealed;
    }

    /** Deletes the chunks; nothing to do when none were written. */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    public boolean exists() {
        return Files.exists(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkFile other && other.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "ChunkFile[" + path.getFileName() + "]";
    }
}
