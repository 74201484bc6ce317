package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.invite.qr.DecompressionBomb;

/** Pictures from outside are measured before they are decoded, and decoded at the size they are shown. */
class SafePictureTest {
    private static final Dimension BOX = new Dimension(240, 240);

    private static byte[] picture(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader(@TempDir Path dir) throws IOException {
        Path bomb = DecompressionBomb.write(dir.resolve("bomb.png"), 50_000, 50_000);
        assertThat(Files.size(bomb)).as("small on disk").isLessThan(1_000_000);
        long heapBefore = usedHeap();
        try (InputStream in = Files.newInputStream(bomb)) {
            assertThatThrownBy(() -> SafePicture.read(in, Optional.of("image/png"), BOX))
                    .isInstanceOf(SafePicture.TooLargeException.class)
                    .hasMessage("the picture is too large to show (50000 x 50000 pixels; at most 40 million)");
        }
        assertThat(usedHeap() - heapBefore).as("nothing of its 2.5 billion pixels was decoded").isLessThan(200L << 20);
    }

    @Test
    void aLargePhotoIsDecodedAtTheSizeItIsShown() throws IOException {
        BufferedImage shown = SafePicture.read(new ByteArrayInputStream(picture("png", 4000, 3000)), Optional.of("image/png"), BOX);
        assertThat(shown.getWidth()).isEqualTo(240);
        assertThat(shown.getHeight()).isEqualTo(180);
        assertThat(new Color(shown.getRGB(10, 90))).isEqualTo(Color.BLUE);
        assertThat(new Color(shown.getRGB(230, 90))).isEqualTo(Color.ORANGE);
        BufferedImage jpeg = SafePicture.read(new ByteArrayInputStream(picture("jpg", 300, 1200)), Optional.of("image/jpeg"), BOX);
        assertThat(new Dimension(jpeg.getWidth(), jpeg.getHeight())).isEqualTo(new Dimension(60, 240));
    }

    @Test
    void aSmallPictureIsNeverEnlarged() throws IOException {
        BufferedImage shown = SafePicture.read(new ByteArrayInputStream(picture("gif", 32, 16)), Optional.of("image/gif"), BOX);
        assertThat(new Dimension(shown.getWidth(), shown.getHeight())).isEqualTo(new Dimension(32, 16));
    }

    @Test
    void thePictureMustBeWhatItsTypeSays() throws IOException {
        byte[] png = picture("png", 50, 50);
        assertThatThrownBy(() -> SafePicture.read(new ByteArrayInputStream(png), Optional.of("image/jpeg"), BOX))
                .isInstanceOf(IOException.class).hasMessage("it is not the kind of picture it says it is");
        byte[] bmp = picture("bmp", 50, 50);
        assertThatThrownBy(() -> SafePicture.read(new ByteArrayInputStream(bmp), Optional.empty(), BOX))
                .hasMessage("it is not a picture Parley can show (PNG, JPEG or GIF)");
        byte[] text = "%PDF-1.7 not a picture".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SafePicture.read(new ByteArrayInputStream(text), Optional.of("image/png"), BOX))
                .hasMessage("it is not a picture Parley can show (PNG, JPEG or GIF)");
    }

    @Test
    void aTruncatedPictureIsAnErrorNotACrash() throws IOException {
        byte[] png = picture("png", 400, 400);
        byte[] cut = java.util.Arrays.copyOf(png, 60);
        assertThatThrownBy(() -> SafePicture.read(new ByteArrayInputStream(cut), Optional.of("image/png"), BOX))
                .isInstanceOf(IOException.class);
    }

    @Test
    void fitKeepsTheProportions() {
        assertThat(SafePicture.fit(1000, 500, BOX)).isEqualTo(new Dimension(240, 120));
        assertThat(SafePicture.fit(1, 10_000, BOX)).isEqualTo(new Dimension(1, 240));
        assertThat(SafePicture.subsampling(4000, 3000, new Dimension(240, 180))).isEqualTo(16);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
