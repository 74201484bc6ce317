package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.crypto.NodeOracle.request;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CryptoJsAes} and {@link MacKey} against real crypto-js 3.1.2 and 4.2.0 in node, both directions. */
class CryptoJsInteropIT {
    private static NodeOracle node;

    static final List<String> TEXTS = List.of(
            "",
            "a".repeat(15),
            "b".repeat(16),
            "c".repeat(17),
            "d".repeat(31),
            "e".repeat(32),
            "f".repeat(33),
            "Grüße aus Köln, 世界, Ωμέγα",
            "emoji 👋🏽 🇩🇪 👨‍👩‍👧 𝄞",
            "quotes \" and \\ and\nnew lines\ttabs \u0000 nul",
            "0123456789 ünïcödé 😀".repeat(400));
    static final List<String> PASSPHRASES = List.of(
            ChatKey.random().passphrase(), "p", "pässwörd ✓ 🔑 日本語");

    @BeforeAll
    static void startNode() {
        node = NodeOracle.start();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        node.close();
    }

    @Test
    void textCasesCoverTheBlockBoundariesAndTenKilobytes() {
        assertThat(TEXTS).extracting(StrictUtf8::length).contains(0, 15, 16, 17, 31, 32, 33);
        assertThat(StrictUtf8.length(TEXTS.getLast())).isGreaterThan(10_000);
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void cryptoJsDecryptsWhatJavaEncrypts(String lib) {
        for (String pass : PASSPHRASES) {
            for (String text : TEXTS) {
                String ct = CryptoJsAes.encrypt(text, pass);
                assertThat(node.callString(request("decrypt", "lib", lib, "ct", ct, "pass", pass)))
                        .as("%s under %s", abbreviate(text), pass)
                        .isEqualTo(text);
            }
        }
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void javaDecryptsWhatCryptoJsEncrypts(String lib) throws DecryptionException {
        for (String pass : PASSPHRASES) {
            for (String text : TEXTS) {
                String ct = node.callString(request("encrypt", "lib", lib, "text", text, "pass", pass));
                assertThat(ct).startsWith("U2FsdGVkX1");
                assertThat(CryptoJsAes.decrypt(ct, pass)).as("%s under %s", abbreviate(text), pass).isEqualTo(text);
            }
        }
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void withTheSameSaltTheCiphertextIsByteIdentical(String lib) {
        byte[] salt = Csprng.bytes(8);
        for (String pass : PASSPHRASES) {
            for (String text : TEXTS) {
                String fromNode = node.callString(request("encrypt", "lib", lib, "text", text, "pass", pass,
                        "saltHex", HexFormat.of().formatHex(salt)));
                assertThat(CryptoJsAes.encrypt(text, pass, salt)).as("%s under %s", abbreviate(text), pass)
                        .isEqualTo(fromNode);
            }
        }
    }

    @ParameterizedTest(name = "crypto-js {0}")
    @ValueSource(strings = {"3", "4"})
    void macEqualsCryptoJsHmacSha256OfTheDerivedKey(String lib) {
        for (int i = 0; i < 5; i++) {
            ChatKey key = ChatKey.random();
            String ct = CryptoJsAes.encrypt(TEXTS.get(i + 6), key.passphrase());
            String fromNode = node.callString(request("mac", "lib", lib, "ct", ct, "key", key.passphrase()));
            assertThat(MacKey.derive(key).mac(ct)).isEqualTo(fromNode);
            assertThat(MacKey.derive(key).verifies(ct, fromNode)).isTrue();
        }
    }

    @Test
    void javaRefusesALoneSurrogateThatCryptoJsWouldAlsoRefuse() {
        String lone = "broken \uD83D text";
        assertThat(node.callExpectingError(request("encrypt", "lib", "4", "text", lone, "pass", "p")))
                .containsIgnoringCase("malformed");
        assertThatThrownBy(() -> CryptoJsAes.encrypt(lone, "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text is not valid Unicode: lone surrogate at index 7");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "…' (" + text.length() + ")";
    }

}
