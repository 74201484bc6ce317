package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.crypto.ChatId;
import parley.crypto.ChunkCipher;
import parley.crypto.MessageId;
import parley.protocol.FileManifest;
import parley.store.ChunkFile;
import parley.store.ProfileStore;

/**
 * The end check of a file held whole: a chunk the disk lost (a crash before it was synced) is named, to be asked for
 * again, and a file that opens chunk by chunk but is not what the manifest announced does not match.
 */
class FileDigestTest {
    @TempDir
    Path dir;

    @Test
    void aWholeFileMatchesAChunkTheDiskLostIsNamedAndAnotherFileDoesNot() throws Exception {
        byte[] bytes = new byte[5 * ChunkCipher.CHUNK_SIZE + 123];
        new Random(7).nextBytes(bytes);
        Path source = Files.write(dir.resolve("notes.bin"), bytes);
        MessageId id = MessageId.random();
        ChatId chat = ChatId.random();
        try (ProfileStore store = ProfileStore.open(dir.resolve("profile"), Optional.empty())) {
            ChunkFile chunks = store.chunks(chat, ProfileStore.Direction.IN, id);
            FileManifest manifest = FileSealing.seal(source, id, chunks);
            assertThat(FileDigest.check(chunks, manifest, id)).isEqualTo(new FileDigest.Check(List.of(), true));

            MessageId otherId = MessageId.random();
            String otherDigest = FileSealing.seal(Files.write(dir.resolve("other.bin"), new byte[bytes.length]),
                    otherId, store.chunks(chat, ProfileStore.Direction.IN, otherId)).sha256();
            FileManifest lying = new FileManifest(manifest.name(), manifest.size(), manifest.type(), manifest.count(),
                    otherDigest, manifest.key());
            assertThat(FileDigest.check(chunks, lying, id)).isEqualTo(new FileDigest.Check(List.of(), false));

            Path file = dir.resolve("profile").resolve("files").resolve(chat.value()).resolve("in-" + id.value());
            assertThat(file).isRegularFile();
            try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
                damaged.seek(2L * ChunkCipher.SEALED_SIZE + 100);
                damaged.write(new byte[64]); // zeros where the disk lost a write
                damaged.setLength(4L * ChunkCipher.SEALED_SIZE + 10); // and the tail: chunk 4 torn, 5 gone
            }
            assertThat(FileDigest.check(chunks, manifest, id).damaged()).containsExactly(2, 4, 5);
        }
    }
}
