package parley.invite.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Draws QR codes for invite links and safety codes: error correction level M, a quiet zone of 4 modules, UTF-8
 * (declared by an ECI segment), always at a whole number of pixels per module so that no module is smeared.
 */
public final class QrCodes {
    /** Light modules around the code that scanners need to find it. */
    public static final int QUIET_ZONE_MODULES = 4;
    /** Larger images are refused rather than allocated. */
    public static final int MAX_SIDE_PX = 16_384;
    private static final int DARK = 0x000000;
    private static final int LIGHT = 0xFFFFFF;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, QUIET_ZONE_MODULES);

    private QrCodes() {}

    /**
     * The code's modules, quiet zone included: one bit per module, set = dark.
     *
     * @throws IllegalArgumentException if {@code text} is empty or too long for any QR code at level M
     */
    public static BitMatrix encode(String text) {
        requireText(text);
        try {
            // width and height 0: ZXing returns the smallest matrix, one cell per module
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /** The QR version (1 to 40) that {@link #encode} picks for {@code text}: 17 + 4 * version modules a side. */
    public static int version(String text) {
        requireText(text);
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, HINTS).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /**
     * Black modules on white, each {@code pixelsPerModule} pixels square; the side is
     * {@code (modules + 8) * pixelsPerModule}. The image is {@link BufferedImage#TYPE_INT_RGB}.
     *
     * @throws IllegalArgumentException if {@code pixelsPerModule} is below 1 or the side would exceed
     *                                  {@link #MAX_SIDE_PX}
     */
    public static BufferedImage render(String text, int pixelsPerModule) {
        return render(encode(text), pixelsPerModule);
    }

    /**
     * As {@link #render} with the largest whole number of pixels per module whose image fits {@code maxSidePx};
     * at least 1, so a too small limit yields an image larger than asked rather than an unreadable one.
     */
    public static BufferedImage renderToFit(String text, int maxSidePx) {
        if (maxSidePx < 1) {
            throw new IllegalArgumentException("the largest side must be at least 1 pixel, not " + maxSidePx);
        }
        BitMatrix matrix = encode(text);
        return render(matrix, Math.max(1, Math.min(maxSidePx, MAX_SIDE_PX) / matrix.getWidth()));
    }

    /** {@link #toTerminal(String, boolean) toTerminal(text, false)}: for a terminal with a dark background. */
    public static String toTerminal(String text) {
        return toTerminal(text, false);
    }

    /**
     * The code as Unicode half blocks ({@code ▀ ▄ █} and space), two module rows per line, quiet zone included,
     * each line ending in {@code \n}. A terminal cell is about twice as high as wide, so modules come out square.
     *
     * <p>Polarity: with {@code invert == false} a glyph's painted half stands for a <em>light</em> module and a
     * blank half for a dark one. On a terminal with light text on a dark background (the common default) the code
     * then shows dark modules on a light quiet zone, the polarity that every phone scanner reads; printing the dark
     * modules as glyphs instead would give a light-on-dark code that many scanners miss. Use {@code invert == true}
     * (painted = dark module) for a terminal with dark text on a light background.
     */
    public static String toTerminal(String text, boolean invert) {
        BitMatrix matrix = encode(text);
        int side = matrix.getWidth();
        StringBuilder out = new StringBuilder((side + 1) * (side + 1) / 2);
        for (int y = 0; y < side; y += 2) {
            for (int x = 0; x < side; x++) {
                // the half row below an odd-sized matrix counts as quiet zone (light)
                boolean topPainted = matrix.get(x, y) == invert;
                boolean bottomPainted = (y + 1 < side && matrix.get(x, y + 1)) == invert;
                out.append(topPainted ? (bottomPainted ? '█' : '▀') : (bottomPainted ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static BufferedImage render(BitMatrix matrix, int pixelsPerModule) {
        int modules = matrix.getWidth();
        if (pixelsPerModule < 1 || (long) modules * pixelsPerModule > MAX_SIDE_PX) {
            throw new IllegalArgumentException("pixels per module must be 1 to " + MAX_SIDE_PX / modules
                    + " for this code, not " + pixelsPerModule);
        }
        int side = modules * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int my = 0; my < modules; my++) {
            int rowStart = my * pixelsPerModule * side;
            for (int mx = 0; mx < modules; mx++) {
                int colour = matrix.get(mx, my) ? DARK : LIGHT;
                int start = rowStart + mx * pixelsPerModule;
                Arrays.fill(pixels, start, start + pixelsPerModule, colour);
            }
            for (int py = 1; py < pixelsPerModule; py++) {
                System.arraycopy(pixels, rowStart, pixels, rowStart + py * side, side);
            }
        }
        return image;
    }

    private static void requireText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs some text");
        }
    }
}
