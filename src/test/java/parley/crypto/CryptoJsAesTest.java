package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CryptoJsAesTest {
    private static final String PASS = ChatKey.random().passphrase();

    @Test
    void roundTripsUnicodeText() throws DecryptionException {
        String text = "Grüße 👋🏽 世界";
        assertThat(CryptoJsAes.decrypt(CryptoJsAes.encrypt(text, PASS), PASS)).isEqualTo(text);
    }

    @Test
    void matchesAKnownCryptoJsAndOpensslVector() {
        // CryptoJS.AES.encrypt("hi", "p", {salt: 0001020304050607}) in 3.1.2 and 4.2.0, and openssl -S, agree
        byte[] salt = HexFormat.of().parseHex("0001020304050607");
        assertThat(CryptoJsAes.encrypt("hi", "p", salt)).isEqualTo("U2FsdGVkX18AAQIDBAUGB9D0crQt3FIzlKToWH8tQaI=");
    }

    @Test
    void eachEncryptionHasAFreshSalt() {
        String first = CryptoJsAes.encrypt("same", PASS);
        String second = CryptoJsAes.encrypt("same", PASS);
        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first)).startsWith("Salted__".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void outputIsOneLineOfStandardBase64() {
        String ct = CryptoJsAes.encrypt("x".repeat(5000), PASS);
        assertThat(ct).matches("[A-Za-z0-9+/]+={0,2}");
    }

    @Test
    void refusesALoneHighSurrogateNamingItsIndex() {
        assertThatThrownBy(() -> CryptoJsAes.encrypt("ab\uD83D", PASS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text is not valid Unicode: lone surrogate at index 2");
    }

    @Test
    void refusesALoneLowSurrogateNamingItsIndex() {
        assertThatThrownBy(() -> CryptoJsAes.encrypt("\uDC00ok", PASS))
                .hasMessage("text is not valid Unicode: lone surrogate at index 0");
    }

    @Test
    void refusesAPassphraseWithALoneSurrogate() {
        assertThatThrownBy(() -> CryptoJsAes.encrypt("text", "pass\uD800"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passphrase");
    }

    @Test
    void refusesASaltOfTheWrongSize() {
        assertThatThrownBy(() -> CryptoJsAes.encrypt("text", PASS, new byte[7])).hasMessageContaining("salt");
    }

    @Test
    void wrongPassphraseNeverYieldsTheText() {
        String ct = CryptoJsAes.encrypt("secret message", PASS);
        try {
            // a wrong key leaves valid padding about once in 256 tries, and then the text is garbage
            assertThat(CryptoJsAes.decrypt(ct, ChatKey.random().passphrase())).isNotEqualTo("secret message");
        } catch (DecryptionException e) {
            assertThat(e.reason()).isIn(DecryptionException.Reason.BAD_PADDING, DecryptionException.Reason.BAD_UTF8);
        }
    }

    @Test
    void rejectsNonBase64() {
        assertReason("not base64!", DecryptionException.Reason.NOT_BASE64);
    }

    @Test
    void rejectsMissingPadding() {
        String ct = CryptoJsAes.encrypt("a", PASS); // 32 bytes: base64 ends with one '='
        assertReason(ct.substring(0, ct.length() - 1), DecryptionException.Reason.NOT_BASE64);
    }

    @Test
    void rejectsStrayBitsInTheLastGroup() {
        String canonical = CryptoJsAes.encrypt("a", PASS); // 32 bytes: ends "xyz=", z's 2 low bits unused
        byte[] raw = Base64.getDecoder().decode(canonical);
        char last = canonical.charAt(canonical.length() - 2);
        // the same bytes with an unused low bit set (the next letter of the alphabet): the JDK decoder takes it
        String stray = canonical.substring(0, canonical.length() - 2) + (char) (last + 1) + "=";
        assertThat(Base64.getDecoder().decode(stray)).isEqualTo(raw);
        assertReason(stray, DecryptionException.Reason.NOT_BASE64);
    }

    @Test
    void rejectsLineBreaks() {
        String ct = CryptoJsAes.encrypt("a".repeat(100), PASS);
        assertReason(ct.substring(0, 64) + "\n" + ct.substring(64), DecryptionException.Reason.NOT_BASE64);
    }

    @Test
    void rejectsUrlSafeAlphabet() {
        String ct = CryptoJsAes.encrypt("a", PASS);
        assertReason("-_" + ct.substring(2), DecryptionException.Reason.NOT_BASE64);
    }

    @Test
    void rejectsTooShortForTheHeader() {
        assertReason(Base64.getEncoder().encodeToString("Salted__1234".getBytes(StandardCharsets.US_ASCII)),
                DecryptionException.Reason.NO_SALT_HEADER);
    }

    @Test
    void rejectsAMissingSaltedMagic() {
        byte[] raw = Base64.getDecoder().decode(CryptoJsAes.encrypt("a", PASS));
        raw[0] = 'X';
        assertReason(Base64.getEncoder().encodeToString(raw), DecryptionException.Reason.NO_SALT_HEADER);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertReason(Base64.getEncoder().encodeToString("Salted__12345678".getBytes(StandardCharsets.US_ASCII)),
                DecryptionException.Reason.BAD_LENGTH);
    }

    @Test
    void rejectsABodyThatIsNotWholeBlocks() {
        byte[] raw = Base64.getDecoder().decode(CryptoJsAes.encrypt("a", PASS));
        byte[] longer = Arrays.copyOf(raw, raw.length + 1);
        assertReason(Base64.getEncoder().encodeToString(longer), DecryptionException.Reason.BAD_LENGTH);
    }

    @Test
    void rejectsBadPadding() {
        assertReason(RawCiphertext.unpadded(RawCiphertext.blockWithBadPadding(), PASS),
                DecryptionException.Reason.BAD_PADDING);
    }

    @Test
    void rejectsInvalidUtf8() {
        assertReason(RawCiphertext.padded(new byte[] {'o', 'k', (byte) 0xff}, PASS), DecryptionException.Reason.BAD_UTF8);
    }

    @Test
    void rejectsOverlongUtf8() {
        assertReason(RawCiphertext.padded(new byte[] {(byte) 0xc0, (byte) 0xaf}, PASS),
                DecryptionException.Reason.BAD_UTF8);
    }

    @Test
    void rejectsAnEncodedSurrogate() {
        assertReason(RawCiphertext.padded(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, PASS),
                DecryptionException.Reason.BAD_UTF8);
    }

    private static void assertReason(String ct, DecryptionException.Reason reason) {
        assertThatThrownBy(() -> CryptoJsAes.decrypt(ct, PASS))
                .isInstanceOfSatisfying(DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
