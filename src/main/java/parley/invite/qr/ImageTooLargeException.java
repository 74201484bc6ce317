package parley.invite.qr;

import java.io.IOException;

/** A picture to scan is larger than {@link ScanImages#MAX_PIXELS}: refused before it is decoded or copied. */
public final class ImageTooLargeException extends IOException {
    public ImageTooLargeException(long width, long height) {
        super("the image is too large to scan (" + width + " x " + height + " pixels; at most "
                + ScanImages.MAX_PIXELS / 1_000_000 + " million)");
    }
}
