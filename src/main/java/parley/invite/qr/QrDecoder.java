package parley.invite.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds QR codes in an image, such as a screenshot or a camera frame. A code drawn at 4 or more pixels per module
 * is found on a busy 1920x1080 or 3840x2160 screen, several codes at once, dark-on-light or light-on-dark.
 *
 * <p>Attempts, stopping at the first that finds anything: the image's luminance, then its inverse; for each, the
 * local-threshold {@link HybridBinarizer} (copes with gradients and busy backgrounds), then the
 * {@link GlobalHistogramBinarizer} (copes with low-contrast codes the local one breaks up); for each,
 * {@link QRCodeMultiReader} (every code on the screen), then the single-code {@link QRCodeReader}, whose finder
 * accepts some layouts the multi-code finder rejects. All with {@code TRY_HARDER}.
 */
public final class QrDecoder {
    private static final System.Logger LOG = System.getLogger(QrDecoder.class.getName());
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            // codes without an ECI segment are read as UTF-8: invite links are
            DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    private QrDecoder() {}

    /** Every readable QR code in {@code image}; never throws for any image content. */
    public static QrScan decode(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        LuminanceSource luminance = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels(image));
        for (LuminanceSource source : List.of(luminance, luminance.invert())) {
            for (BinaryBitmap bitmap : List.of(
                    new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                List<Result> results = readAll(bitmap);
                if (!results.isEmpty()) {
                    return new QrScan.Found(inReadingOrder(results));
                }
            }
        }
        return new QrScan.NotFound();
    }

    private static List<Result> readAll(BinaryBitmap bitmap) {
        try {
            return List.of(new QRCodeMultiReader().decodeMultiple(bitmap, HINTS));
        } catch (ReaderException e) {
            // nothing found this way; the single-code reader below may still succeed
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "multi-code QR reader failed on this image", e);
        }
        try {
            return List.of(new QRCodeReader().decode(bitmap, HINTS));
        } catch (ReaderException e) {
            return List.of();
        } catch (RuntimeException e) {
            // ZXing has had index bugs on odd images; a scan must never crash the caller
            LOG.log(System.Logger.Level.DEBUG, "QR reader failed on this image", e);
            return List.of();
        }
    }

    /** The image's pixels as 0xRRGGBB ints, without a per-pixel copy when it already holds them that way. */
    private static int[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        WritableRaster raster = image.getRaster();
        boolean packedInts = (image.getType() == BufferedImage.TYPE_INT_RGB
                        || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getOffset() == 0
                && buffer.getSize() == width * height
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == width
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        return packedInts
                ? ((DataBufferInt) raster.getDataBuffer()).getData()
                : image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** Rows of codes (overlapping vertically), top row first, each row left to right; a text found twice once. */
    private static List<String> inReadingOrder(List<Result> results) {
        List<Box> boxes = new ArrayList<>();
        for (Result result : results) {
            boxes.add(Box.of(result));
        }
        boxes.sort(Comparator.comparingDouble(Box::top));
        List<List<Box>> rows = new ArrayList<>();
        double rowBottom = Double.NEGATIVE_INFINITY;
        for (Box box : boxes) {
            if (rows.isEmpty() || box.top() > rowBottom) {
                rows.add(new ArrayList<>());
                rowBottom = box.bottom();
            } else {
                rowBottom = Math.max(rowBottom, box.bottom());
            }
            rows.getLast().add(box);
        }
        Map<String, Boolean> texts = new LinkedHashMap<>();
        for (List<Box> row : rows) {
            row.sort(Comparator.comparingDouble(Box::left));
            row.forEach(box -> texts.putIfAbsent(box.text(), Boolean.TRUE));
        }
        return List.copyOf(texts.keySet());
    }

    /** Where a code was found: the bounding box of its finder (and alignment) pattern centres. */
    private record Box(String text, double left, double top, double bottom) {
        static Box of(Result result) {
            ResultPoint[] points = result.getResultPoints();
            if (points == null || points.length == 0) {
                return new Box(result.getText(), 0, 0, 0);
            }
            double left = Double.POSITIVE_INFINITY;
            double top = Double.POSITIVE_INFINITY;
            double bottom = Double.NEGATIVE_INFINITY;
            for (ResultPoint point : points) {
                left = Math.min(left, point.getX());
                top = Math.min(top, point.getY());
                bottom = Math.max(bottom, point.getY());
            }
            return new Box(result.getText(), left, top, bottom);
        }
    }
}
