package parley.invite.qr;

import java.util.List;

/** What {@link QrDecoder} found in an image. */
public sealed interface QrScan permits QrScan.Found, QrScan.NotFound {
    /** One or more codes, their texts in reading order (top to bottom, then left to right); no repeats. */
    record Found(List<String> texts) implements QrScan {
        public Found {
            texts = List.copyOf(texts);
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("found means at least one text");
            }
        }

        /** Counts only: a code may hold a key (an invite) or a password (Wi-Fi codes). */
        @Override
        public String toString() {
            return "Found[" + texts.size() + " code(s)]";
        }
    }

    /** No readable QR code in the image. */
    record NotFound() implements QrScan {}
}
