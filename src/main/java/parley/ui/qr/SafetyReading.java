package parley.ui.qr;

import parley.crypto.SafetyCode;

/** Reads a {@link Scan} as a friend's safety code: the first text that is one, else what was seen instead. */
public sealed interface SafetyReading {

    /** A safety code (a scanned {@code parley-safety:1:} text or 20 typed digits), to be compared by the service. */
    record Code(String text) implements SafetyReading {}

    /** Nothing to compare; {@code message} says what was seen. */
    record Miss(String message) implements SafetyReading {}

    static SafetyReading of(Scan scan) {
        for (String text : scan.texts()) {
            if (SafetyCode.digitsFrom(text).isPresent()) {
                return new Code(text);
            }
        }
        if (scan.fromText()) {
            return new Miss(scan.texts().getFirst().isEmpty() ? "type the 20 digits your friend's app shows"
                    : "this is not a safety code: it is 20 digits, in five groups of four");
        }
        return new Miss(scan.texts().isEmpty() ? "no QR code found" : "a QR code that is not a Parley safety code");
    }
}
