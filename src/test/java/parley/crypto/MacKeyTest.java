package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MacKeyTest {
    private static final ChatKey KEY = ChatKey.of("ZRBN3f2Y9dKqPr-hiwvZ0g8ntfi2v7oHbYlWqm0yvZk");
    private static final String CT = "U2FsdGVkX18AAQIDBAUGB9D0crQt3FIzlKToWH8tQaI=";
    // CryptoJS.HmacSHA256(CT, CryptoJS.HmacSHA256("parley-mac-v1", KEY)).toString() in crypto-js 4.2.0
    private static final String CRYPTO_JS_MAC = "9baccc73724fd1206f0c3e007a14d9c3f28eac1628dcb4e943e64e84863cfef9";

    @Test
    void macMatchesCryptoJs() {
        assertThat(MacKey.derive(KEY).mac(CT)).isEqualTo(CRYPTO_JS_MAC);
    }

    @Test
    void verifiesItsOwnMac() {
        assertThat(MacKey.derive(KEY).verifies(CT, CRYPTO_JS_MAC)).isTrue();
    }

    @Test
    void refusesUppercaseHex() {
        assertThat(MacKey.derive(KEY).verifies(CT, CRYPTO_JS_MAC.toUpperCase())).isFalse();
    }

    @Test
    void refusesAShortMac() {
        assertThat(MacKey.derive(KEY).verifies(CT, CRYPTO_JS_MAC.substring(1))).isFalse();
    }

    @Test
    void refusesALongMac() {
        assertThat(MacKey.derive(KEY).verifies(CT, CRYPTO_JS_MAC + "0")).isFalse();
    }

    @Test
    void refusesNonHex() {
        assertThat(MacKey.derive(KEY).verifies(CT, "g" + CRYPTO_JS_MAC.substring(1))).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(MacKey.derive(KEY).verifies(CT, null)).isFalse();
        assertThat(MacKey.derive(KEY).verifies(null, CRYPTO_JS_MAC)).isFalse();
    }

    @Test
    void refusesAnotherKeysMac() {
        assertThat(MacKey.derive(ChatKey.random()).verifies(CT, CRYPTO_JS_MAC)).isFalse();
    }

    @Test
    void refusesAChangedCiphertext() {
        assertThat(MacKey.derive(KEY).verifies(CT.replace('A', 'B'), CRYPTO_JS_MAC)).isFalse();
    }

    @Test
    void refusesACiphertextWithALoneSurrogate() {
        assertThat(MacKey.derive(KEY).verifies(CT + "\uD800", CRYPTO_JS_MAC)).isFalse();
    }

    @Test
    void toStringHidesTheKey() {
        assertThat(MacKey.derive(KEY).toString()).isEqualTo("MacKey[***]");
    }
}
