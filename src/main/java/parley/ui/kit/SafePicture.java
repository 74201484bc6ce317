package parley.ui.kit;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A picture from outside (a friend's file, the clipboard, a file about to be sent) decoded without letting it cost
 * what it likes: the size is read from the header before any pixel, a picture over {@value #MAX_PIXELS} pixels is
 * refused (a PNG of 50000 x 50000 zeros is ~300 KB on disk and gigabytes decoded), and what is decoded is
 * subsampled by the reader to about the size it is shown at, so the memory is that of the shown picture, not of
 * the file. The format is the one its first bytes say (ImageIO picks readers by signature); a declared media type
 * that disagrees is refused, as docs/protocol.md section 9.3 asks. Blocks: never on the EDT.
 */
public final class SafePicture {
    /** 40 million pixels: a 48-megapixel phone photo is 8000 x 6000; a panorama or a 7680 x 5120 print fits. */
    public static final long MAX_PIXELS = 40_000_000;

    private SafePicture() {}

    /** The picture's declared size is larger than {@link #MAX_PIXELS}: refused before anything was decoded. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long width, long height) {
            super("the picture is too large to show (" + width + " x " + height + " pixels; at most "
                    + MAX_PIXELS / 1_000_000 + " million)");
        }
    }

    /**
     * Reads the first image of {@code in} scaled to fit {@code box} (never enlarged). The stream is cached in memory,
     * not in a temporary file (ImageIO's default would write a friend's decrypted picture to the disk).
     *
     * @param mediaType the type the picture is said to be ("image/png"), or empty to take what the bytes say
     * @throws TooLargeException the header announces more than {@link #MAX_PIXELS}
     * @throws IOException       not a PNG, JPEG or GIF, not the declared type, or broken
     */
    public static BufferedImage read(InputStream in, Optional<String> mediaType, Dimension box) throws IOException {
        try (ImageInputStream images = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
            if (!readers.hasNext()) {
                throw new IOException("it is not a picture Parley can show (PNG, JPEG or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                String format = "image/" + reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("image/png") && !format.equals("image/jpeg") && !format.equals("image/gif")) {
                    throw new IOException("it is not a picture Parley can show (PNG, JPEG or GIF)");
                }
                if (mediaType.filter(t -> !t.equals(format)).isPresent()) {
                    throw new IOException("it is not the kind of picture it says it is");
                }
                reader.setInput(images, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkSize(width, height);
                Dimension shown = fit(width, height, box);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height, shown);
                param.setSourceSubsampling(step, step, 0, 0);
                return scaled(reader.read(0, param), shown);
            } catch (RuntimeException e) {
                // ImageIO's readers throw unchecked exceptions on some broken files: a file, not a bug
                throw new IOException("the picture is damaged", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** @throws TooLargeException when a {@code width} x {@code height} picture is over {@link #MAX_PIXELS} */
    public static void checkSize(long width, long height) throws TooLargeException {
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            throw new TooLargeException(width, height);
        }
    }

    /** The size a {@code width} x {@code height} picture is shown at inside {@code box}: kept in proportion, never larger. */
    public static Dimension fit(int width, int height, Dimension box) {
        double scale = Math.min(1, Math.min((double) box.width / width, (double) box.height / height));
        return new Dimension(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /** The reader keeps every n-th pixel: the largest n whose result is still at least as large as {@code shown}. */
    static int subsampling(int width, int height, Dimension shown) {
        return Math.max(1, Math.min(width / shown.width, height / shown.height));
    }

    private static BufferedImage scaled(BufferedImage decoded, Dimension shown) {
        if (decoded.getWidth() == shown.width && decoded.getHeight() == shown.height
                && decoded.getType() == BufferedImage.TYPE_INT_ARGB) {
            return decoded;
        }
        BufferedImage out = new BufferedImage(shown.width, shown.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(decoded, 0, 0, shown.width, shown.height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
