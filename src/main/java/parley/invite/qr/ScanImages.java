package parley.invite.qr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures to scan that come from outside (an image file, the clipboard) are bounded before they cost memory. A PNG
 * of 50000 x 50000 zeros is a few hundred KB on disk and gigabytes once decoded; scanning takes about 9 bytes per
 * pixel (the decoded image, its RGB copy, the luminance) and the app's heap is 256 MiB. 16 million pixels is a
 * 5K screenshot (5120 x 2880) with room to spare.
 */
public final class ScanImages {
    public static final long MAX_PIXELS = 16_000_000;

    private ScanImages() {}

    /** @throws ImageTooLargeException when a {@code width} x {@code height} picture is over the limit */
    public static void checkSize(long width, long height) throws ImageTooLargeException {
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            throw new ImageTooLargeException(width, height);
        }
    }

    /**
     * The first image in {@code file}, its size read from the header and checked before any pixel is decoded.
     *
     * @throws ImageTooLargeException the header announces too many pixels
     * @throws IOException            unreadable, or no image format the JDK reads (PNG, JPEG, GIF, BMP)
     */
    public static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file.getFileName() + " is not an image Parley can read (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
