package parley.ui;

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
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import parley.invite.InviteException;
import parley.invite.InviteLink;
import parley.invite.qr.InviteScanner;
import parley.invite.qr.ScanOutcome;

/**
 * The four places an invite comes from: the screen, an image file, the clipboard and typed text. Each returns a
 * {@link ScanOutcome} whose message says what was seen. All of it blocks (capture, decoding, file I/O): run it on
 * the background executor, never on the EDT.
 */
final class InviteSources {
    private InviteSources() {}

    /**
     * Captures every screen at its full device resolution (the largest variant of the multi-resolution capture;
     * a plain capture is downscaled on HiDPI screens and loses the code) and scans each.
     */
    static Sighting scanScreens(Clock clock) throws Exception {
        Edt.forbid();
        ScanOutcome best = new ScanOutcome.NoQrCode();
        for (GraphicsDevice screen : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            Rectangle bounds = screen.getDefaultConfiguration().getBounds();
            MultiResolutionImage capture = new Robot(screen).createMultiResolutionScreenCapture(bounds);
            Image largest = capture.getResolutionVariants().stream()
                    .max(Comparator.comparingInt(i -> i.getWidth(null) * i.getHeight(null)))
                    .orElseThrow();
            best = better(best, InviteScanner.scan(toBuffered(largest), clock));
            if (best instanceof ScanOutcome.Invited) {
                break;
            }
        }
        return Sighting.picture(best);
    }

    /** An image file; a file that is no image Parley can read is an {@link IOException} saying so. */
    static Sighting scanFile(Path file, Clock clock) throws IOException {
        Edt.forbid();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file.getFileName() + " is not an image Parley can read (PNG, JPEG, GIF or BMP)");
        }
        return Sighting.picture(InviteScanner.scan(image, clock));
    }

    /** An image on the clipboard is scanned; text is taken as a link. */
    static Sighting fromClipboard(Clipboard clipboard, Clock clock) throws IOException {
        Edt.forbid();
        try {
            if (clipboard.isDataFlavorAvailable(DataFlavor.imageFlavor)) {
                return Sighting.picture(InviteScanner.scan(toBuffered((Image) clipboard.getData(DataFlavor.imageFlavor)), clock));
            }
            if (clipboard.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                return fromText((String) clipboard.getData(DataFlavor.stringFlavor), clock);
            }
        } catch (UnsupportedFlavorException | IllegalStateException e) {
            throw new IOException("the clipboard could not be read: " + Failures.message(e), e);
        }
        throw new IOException("the clipboard holds neither an image nor text");
    }

    /** Text the user pasted or copied: a Parley invite link, or not. */
    static Sighting fromText(String text, Clock clock) {
        String link = text.strip();
        try {
            return Sighting.text(new ScanOutcome.Invited(InviteLink.parse(link, clock), link));
        } catch (InviteException e) {
            return Sighting.text(e.problem() == InviteException.Problem.NOT_AN_INVITE ? new ScanOutcome.NotParley(link)
                    : new ScanOutcome.BadInvite(e));
        }
    }

    /** An invite beats a refused invite, which beats a foreign code, which beats nothing. */
    static ScanOutcome better(ScanOutcome a, ScanOutcome b) {
        List<Class<?>> rank = List.of(ScanOutcome.NoQrCode.class, ScanOutcome.NotParley.class,
                ScanOutcome.BadInvite.class, ScanOutcome.Invited.class);
        return rank.indexOf(b.getClass()) > rank.indexOf(a.getClass()) ? b : a;
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
