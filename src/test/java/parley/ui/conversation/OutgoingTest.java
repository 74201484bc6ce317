package parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.Attachment;
import parley.invite.qr.DecompressionBomb;

/** What the preview learns of a file before it is sent, off the EDT (this test's thread is not the EDT). */
class OutgoingTest {
    @Test
    void aFileOverTheLimitIsRefusedNamingBothSizes(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("disk.iso");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(120L * 1024 * 1024); // sparse: no 120 MB written
        }
        Outgoing read = Outgoing.read(big, false);
        assertThat(read.refusal()).contains("disk.iso is too large to send: it is 125,829,120 bytes (126 MB); Parley"
                + " sends files of up to 104,857,600 bytes (100 MiB)");
        assertThat(Outgoing.refusal("a.bin", Attachment.MAX_SIZE + 1)).contains("a.bin is too large to send: it is"
                + " 104,857,601 bytes (105 MB); Parley sends files of up to 104,857,600 bytes (100 MiB)");
        assertThat(Outgoing.refusal("a.bin", Attachment.MAX_SIZE)).isEmpty();
    }

    @Test
    void anEmptyFileAndAFolderAreRefused(@TempDir Path dir) throws Exception {
        assertThat(Outgoing.read(Files.createFile(dir.resolve("empty.txt")), false).refusal())
                .contains("empty.txt is empty: there is nothing to send");
        assertThat(Outgoing.read(Files.createDirectory(dir.resolve("photos")), false).refusal())
                .contains("photos is a folder: only files can be sent");
    }

    @Test
    void aPictureGetsAThumbnailButABombOnlyItsName(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("shot.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        Outgoing read = Outgoing.read(png, false);
        assertThat(read.type()).isEqualTo("image/png");
        assertThat(read.size()).isEqualTo(Files.size(png));
        assertThat(read.picture()).hasValueSatisfying(p -> assertThat(p.getWidth()).isEqualTo(240));
        Outgoing bomb = Outgoing.read(DecompressionBomb.write(dir.resolve("bomb.png"), 50_000, 50_000), false);
        assertThat(bomb.picture()).as("sent as a file, never decoded").isEmpty();
        assertThat(bomb.refusal()).isEqualTo(Optional.empty());
        assertThat(bomb.toString()).doesNotContain("bomb");
    }
}
