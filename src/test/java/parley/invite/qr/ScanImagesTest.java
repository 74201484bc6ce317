package parley.invite.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image files are sized from their header and refused before decoding when too large. */
class ScanImagesTest {

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding(@TempDir Path dir) throws Exception {
        Path bomb = DecompressionBomb.write(dir.resolve("bomb.png"), 50_000, 50_000);
        assertThat(Files.size(bomb)).as("small on disk").isLessThan(1_000_000);
        // a real PNG: the JDK's own reader takes its header
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        try (var in = ImageIO.createImageInputStream(bomb.toFile())) {
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(50_000);
        } finally {
            reader.dispose();
        }
        long before = usedHeap();
        assertThatThrownBy(() -> ScanImages.read(bomb)).isInstanceOf(ImageTooLargeException.class)
                .hasMessage("the image is too large to scan (50000 x 50000 pixels; at most 16 million)");
        assertThat(usedHeap() - before).as("heap taken by the refusal").isLessThan(64L << 20);
    }

    @Test
    void anOrdinaryPictureIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("code.png");
        ImageIO.write(QrCodes.render("parley:#parley=1", 4), "png", file.toFile());
        BufferedImage image = ScanImages.read(file);
        assertThat(image.getWidth()).isPositive();
        assertThat(QrDecoder.decode(image)).isInstanceOf(QrScan.Found.class);
    }

    @Test
    void aFileThatIsNoImageSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertThatThrownBy(() -> ScanImages.read(file)).hasMessage("notes.png is not an image Parley can read (PNG, JPEG, GIF or BMP)");
    }

    @Test
    void theLimitAllowsA5kScreenshotAndRefusesMore() throws Exception {
        ScanImages.checkSize(5120, 2880);
        assertThatThrownBy(() -> ScanImages.checkSize(5000, 4000)).isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> ScanImages.checkSize(-1, -1)).isInstanceOf(ImageTooLargeException.class);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
