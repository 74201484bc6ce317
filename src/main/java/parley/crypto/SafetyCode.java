package parley.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code both sides compare out of band to rule out a man in the middle of the join (docs/protocol.md section 5):
 * {@code HMAC-SHA256(key = UTF-8(K2), "parley-safety-v1|" + smaller inbox + "|" + larger inbox)}, its first 9 bytes
 * as an unsigned big-endian integer mod 10^20, as 20 digits.
 */
public final class SafetyCode {
    public static final int DIGITS = 20;
    private static final String QR_PREFIX = "parley-safety:1:";
    private static final BigInteger MODULUS = BigInteger.TEN.pow(DIGITS);
    private static final int TRUNCATED_BYTES = 9;
    private static final Pattern TWENTY_DIGITS = Pattern.compile("[0-9]{20}");
    private final String digits;

    private SafetyCode(String digits) {
        this.digits = digits;
    }

    /** The code of a chat whose join produced {@code chatKey}; the order of the two inboxes does not matter. */
    public static SafetyCode of(ChatKey chatKey, InboxId a, InboxId b) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("the two inboxes of a chat must differ");
        }
        InboxId smaller = a.compareTo(b) < 0 ? a : b;
        InboxId larger = smaller == a ? b : a;
        byte[] data = ("parley-safety-v1|" + smaller.value() + "|" + larger.value())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] s = HmacSha256.of(chatKey.passphraseUtf8(), data);
        BigInteger value = new BigInteger(1, Arrays.copyOf(s, TRUNCATED_BYTES)).mod(MODULUS);
        return new SafetyCode(String.format("%020d", value));
    }

    /** The 20 digits, no spaces. */
    /** A code computed earlier and kept (the chat key it came from may be erased by rekeys since). */
    public static SafetyCode fromDigits(String digits) {
        if (digits == null || !TWENTY_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("safety code must be " + DIGITS + " digits");
        }
        return new SafetyCode(digits);
    }

    public String digits() {
        return digits;
    }

    /** Five groups of four digits separated by single spaces, as shown to the user. */
    public String grouped() {
        StringBuilder out = new StringBuilder(DIGITS + 4);
        for (int i = 0; i < DIGITS; i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(digits, i, i + 4);
        }
        return out.toString();
    }

    /** The text of the safety QR code. */
    public String qrText() {
        return QR_PREFIX + digits;
    }

    /**
     * The 20 digits from a scanned safety QR text or from digits the user typed (spaces anywhere are ignored);
     * empty for anything else.
     */
    public static Optional<String> digitsFrom(String scannedOrTyped) {
        if (scannedOrTyped == null) {
            return Optional.empty();
        }
        String text = scannedOrTyped.strip();
        String candidate = text.startsWith(QR_PREFIX) ? text.substring(QR_PREFIX.length()) : text.replace(" ", "");
        return TWENTY_DIGITS.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    /** Whether the scanned or typed code (any form {@link #digitsFrom} takes) is this one, in constant time. */
    public boolean matches(String scannedOrTyped) {
        byte[] given = digitsFrom(scannedOrTyped).orElse("").getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII), given);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafetyCode other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** The code is meant to be shown, but a log is not where the user should compare it. */
    @Override
    public String toString() {
        return "SafetyCode[***]";
    }
}
