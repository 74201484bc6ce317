package parley.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * An ephemeral P-256 public key as sent in {@code epk}: the 65-byte uncompressed point {@code 04 || x || y} in
 * canonical base64url (87 characters). Compressed and hybrid forms, off-curve points and the point at infinity are
 * refused (docs/protocol.md section 5): an invalid point fed to ECDH can leak the private key. P-256 has cofactor 1, so
 * every point on the curve is in the prime-order group.
 */
public final class PublicPoint implements Comparable<PublicPoint> {
    public static final int BYTES = 65;
    private static final byte UNCOMPRESSED = 0x04;
    private final String encoded;
    private final ECPublicKey key;

    private PublicPoint(String encoded, ECPublicKey key) {
        this.encoded = encoded;
        this.key = key;
    }

    /** @throws IllegalArgumentException naming {@code epk} when the text is not a valid P-256 point */
    public static PublicPoint of(String epk) {
        byte[] bytes = Base64Url.decode("epk", epk, BYTES);
        if (bytes[0] != UNCOMPRESSED) {
            throw new IllegalArgumentException(String.format(
                    "epk must be an uncompressed point (first byte 0x04), not 0x%02x", bytes[0] & 0xff));
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, 1, 1 + P256.COORDINATE_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(bytes, 1 + P256.COORDINATE_BYTES, BYTES));
        if (!P256.isOnCurve(x, y)) {
            throw new IllegalArgumentException("epk is not a point on P-256");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPublicKey key = (ECPublicKey) factory.generatePublic(
                    new ECPublicKeySpec(new ECPoint(x, y), P256.PARAMS));
            return new PublicPoint(epk, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("epk is not a valid P-256 public key", e);
        }
    }

    /** The point of a key this process generated. */
    static PublicPoint of(ECPublicKey key) {
        ECPoint w = key.getW();
        byte[] bytes = new byte[BYTES];
        bytes[0] = UNCOMPRESSED;
        writeFixed(w.getAffineX(), bytes, 1);
        writeFixed(w.getAffineY(), bytes, 1 + P256.COORDINATE_BYTES);
        return of(Base64Url.encode(bytes));
    }

    private static void writeFixed(BigInteger value, byte[] out, int offset) {
        byte[] magnitude = value.toByteArray();
        // toByteArray may add a sign byte or drop leading zeros; the wire form is exactly 32 bytes
        int length = Math.min(magnitude.length, P256.COORDINATE_BYTES);
        System.arraycopy(magnitude, magnitude.length - length, out, offset + P256.COORDINATE_BYTES - length, length);
    }

    /** The 87 base64url characters sent as {@code epk}. */
    public String encoded() {
        return encoded;
    }

    ECPublicKey publicKey() {
        return key;
    }

    /** Ordinal order of the encoded strings, as rekey collisions are settled (docs/protocol.md section 5, step 6). */
    @Override
    public int compareTo(PublicPoint other) {
        return encoded.compareTo(other.encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicPoint other && encoded.equals(other.encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    @Override
    public String toString() {
        return "PublicPoint[" + encoded.substring(0, 8) + "…]";
    }
}
