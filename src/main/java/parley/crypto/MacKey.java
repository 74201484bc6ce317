package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The payload MAC key {@code mk = HMAC-SHA256(key = UTF-8(K), "parley-mac-v1")} and the encrypt-then-MAC tag
 * {@code hex(HMAC-SHA256(mk, UTF-8(ct)))} (docs/protocol.md section 2). In CryptoJS:
 * {@code HmacSHA256(ct, HmacSHA256("parley-mac-v1", K)).toString()}, where the inner result is a WordArray and so
 * its raw 32 bytes are the outer key.
 */
public final class MacKey {
    private static final byte[] LABEL = "parley-mac-v1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LOWER_HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] key;

    private MacKey(byte[] key) {
        this.key = key;
    }

    public static MacKey derive(ChatKey chatKey) {
        byte[] k = chatKey.passphraseUtf8();
        try {
            return new MacKey(HmacSha256.of(k, LABEL));
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
        }
    }

    /** The 64 lowercase hex characters sent as {@code mac}. */
    public String mac(String ciphertext) {
        return HEX.formatHex(HmacSha256.of(key, StrictUtf8.encode(ciphertext)));
    }

    /**
     * Whether {@code macHex} is this key's tag for {@code ciphertext}, compared in constant time. Anything but
     * exactly 64 lowercase hex characters is false: the wire form has one spelling.
     */
    public boolean verifies(String ciphertext, String macHex) {
        if (ciphertext == null || macHex == null || !LOWER_HEX_64.matcher(macHex).matches()) {
            return false;
        }
        byte[] data;
        try {
            data = StrictUtf8.encode(ciphertext);
        } catch (IllegalArgumentException e) {
            return false; // a lone surrogate has no UTF-8 form, so no sender can have MACed it
        }
        return MessageDigest.isEqual(HmacSha256.of(key, data), HEX.parseHex(macHex));
    }

    @Override
    public String toString() {
        return "MacKey[***]";
    }
}
