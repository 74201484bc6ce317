package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PublicPointTest {
    private static final PublicPoint VALID = EphemeralKeyPair.generate().publicPoint();
    private static final byte[] RAW = Base64.getUrlDecoder().decode(VALID.encoded());

    @Test
    void acceptsAGeneratedPoint() {
        assertThat(VALID.encoded()).hasSize(87);
        assertThat(PublicPoint.of(VALID.encoded())).isEqualTo(VALID).hasSameHashCodeAs(VALID);
        assertThat(RAW).hasSize(65);
        assertThat(RAW[0]).isEqualTo((byte) 0x04);
    }

    @Test
    void acceptsTheNegatedPoint() {
        // (x, p - y) is on the curve too: the check is the curve equation, not a lookup
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(RAW, 33, 65));
        assertThat(PublicPoint.of(encode(withY(RAW, P256.P.subtract(y))))).isNotNull();
    }

    @Test
    void ordersByEncodedString() {
        PublicPoint other = EphemeralKeyPair.generate().publicPoint();
        assertThat(Integer.signum(VALID.compareTo(other)))
                .isEqualTo(Integer.signum(VALID.encoded().compareTo(other.encoded())));
    }

    @Test
    void rejectsTooShort() {
        assertRejected(encode(Arrays.copyOf(RAW, 64)));
    }

    @Test
    void rejectsTooLong() {
        assertRejected(encode(Arrays.copyOf(RAW, 66)));
    }

    @Test
    void rejectsTheCompressedForm() {
        byte[] compressed = Arrays.copyOf(RAW, 33);
        compressed[0] = (byte) (2 + (RAW[64] & 1));
        assertRejected(encode(compressed));
    }

    @Test
    void rejectsPrefix02OnA65BytePoint() {
        assertRejectedWith(withPrefix(0x02), "0x02");
    }

    @Test
    void rejectsPrefix03OnA65BytePoint() {
        assertRejectedWith(withPrefix(0x03), "0x03");
    }

    @Test
    void rejectsTheHybridForm06() {
        assertRejectedWith(withPrefix(0x06), "0x06");
    }

    @Test
    void rejectsTheHybridForm07() {
        assertRejectedWith(withPrefix(0x07), "0x07");
    }

    @Test
    void rejectsAnOffCurvePoint() {
        byte[] off = RAW.clone();
        off[64] ^= 1;
        assertRejectedWith(encode(off), "not a point on P-256");
    }

    @Test
    void rejectsAllZeroCoordinates() {
        byte[] zero = new byte[65];
        zero[0] = 4;
        assertRejectedWith(encode(zero), "not a point on P-256");
    }

    @Test
    void rejectsTheOneByteInfinityEncoding() {
        assertRejected(encode(new byte[] {0}));
    }

    @Test
    void rejectsUnreducedCoordinates() {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(RAW, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(RAW, 33, 65));
        assertThat(P256.isOnCurve(x, y)).isTrue();
        assertThat(P256.isOnCurve(x, y.add(P256.P))).isFalse();
        assertThat(P256.isOnCurve(x.add(P256.P), y)).isFalse();
    }

    @Test
    void rejectsNonCanonicalBase64Url() {
        // 65 bytes leave the two low bits of the 87th character unused; setting one is another spelling
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String epk = VALID.encoded();
        String stray = epk.substring(0, 86) + alphabet.charAt(alphabet.indexOf(epk.charAt(86)) + 1);
        assertRejectedWith(stray, "canonical");
    }

    @Test
    void rejectsPadding() {
        assertRejected(VALID.encoded() + "=");
    }

    @Test
    void rejectsStandardBase64Alphabet() {
        assertRejectedWith(VALID.encoded().substring(0, 86) + "+", "outside base64url");
    }

    @Test
    void rejectsNull() {
        assertRejectedWith(null, "epk is missing");
    }

    @Test
    void toStringShowsOnlyAPrefix() {
        assertThat(VALID.toString()).doesNotContain(VALID.encoded()).contains(VALID.encoded().substring(0, 8));
    }

    private static String withPrefix(int prefix) {
        byte[] changed = RAW.clone();
        changed[0] = (byte) prefix;
        return encode(changed);
    }

    private static byte[] withY(byte[] raw, BigInteger y) {
        byte[] out = raw.clone();
        byte[] magnitude = y.toByteArray();
        int length = Math.min(32, magnitude.length);
        Arrays.fill(out, 33, 65, (byte) 0);
        System.arraycopy(magnitude, magnitude.length - length, out, 65 - length, length);
        return out;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void assertRejected(String epk) {
        assertRejectedWith(epk, "epk");
    }

    private static void assertRejectedWith(String epk, String message) {
        assertThatThrownBy(() -> PublicPoint.of(epk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epk")
                .hasMessageContaining(message);
    }
}
