package parley.ui.qr;

import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import parley.invite.qr.QrDecoder;
import parley.invite.qr.ScanImages;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * The places a QR code (or its text) comes from: the screen, an image file, the clipboard. Each returns the
 * decoded texts as a {@link Scan}, for an invite or a safety code alike; what they mean is up to the reader.
 * All of it blocks (capture, decoding, file I/O): run it on the background executor, never on the EDT.
 */
final class QrSources {
    private QrSources() {}

    /**
     * Captures every screen at its full device resolution (the largest variant of the multi-resolution capture;
     * a plain capture is downscaled on HiDPI screens and loses the code) and reads the codes on all of them.
     */
    static Scan scanScreens() throws Exception {
        Edt.forbid();
        List<String> texts = new ArrayList<>();
        for (GraphicsDevice screen : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            Rectangle bounds = screen.getDefaultConfiguration().getBounds();
            MultiResolutionImage capture = new Robot(screen).createMultiResolutionScreenCapture(bounds);
            Image largest = capture.getResolutionVariants().stream()
                    .max(Comparator.comparingInt(i -> i.getWidth(null) * i.getHeight(null)))
                    .orElseThrow();
            Scan.picture(QrDecoder.decode(toBuffered(largest))).texts().stream()
                    .filter(t -> !texts.contains(t)).forEach(texts::add);
        }
        return new Scan(texts, false);
    }

    /**
     * An image file; a file that is no image Parley can read is an {@link IOException} saying so, one whose header
     * announces too many pixels an {@link parley.invite.qr.ImageTooLargeException}, before it is decoded.
     */
    static Scan scanFile(Path file) throws IOException {
        Edt.forbid();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        return Scan.picture(QrDecoder.decode(ScanImages.read(file)));
    }

    /**
     * An image on the clipboard is scanned; text is taken as typed. AWT has decoded the image already (that memory
     * is spent by the time we see it), so a huge one is refused before it is copied or scanned.
     */
    static Scan fromClipboard(Clipboard clipboard) throws IOException {
        Edt.forbid();
        try {
            if (clipboard.isDataFlavorAvailable(DataFlavor.imageFlavor)) {
                Image image = (Image) clipboard.getData(DataFlavor.imageFlavor);
                ScanImages.checkSize(image.getWidth(null), image.getHeight(null));
                return Scan.picture(QrDecoder.decode(toBuffered(image)));
            }
            if (clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                return Scan.typed((String) clipboard.getData(DataFlavor.stringFlavor));
            }
        } catch (UnsupportedFlavorException | IllegalStateException e) {
            throw new IOException("the clipboard could not be read: " + Failures.message(e), e);
        }
        throw new IOException("the clipboard holds neither an image nor text");
    }

    private static BufferedImage toBuffered(Image image) {
        if (image instanceof BufferedImage b) {
            return b;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
        var g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
