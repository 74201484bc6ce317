package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatKeyTest {
    @Test
    void randomKeysAre43Base64UrlCharacters() {
        ChatKey key = ChatKey.random();
        assertThat(key.passphrase()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(ChatKey.of(key.passphrase())).isEqualTo(key);
    }

    @Test
    void toStringNeverShowsTheKey() {
        ChatKey key = ChatKey.random();
        assertThat(key.toString()).doesNotContain(key.passphrase()).contains("***");
    }

    @Test
    void rejectsWrongLengthNamingTheField() {
        assertThatThrownBy(() -> ChatKey.of("k", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be 43");
    }

    @Test
    void rejectsNonCanonicalLastCharacter() {
        String key = ChatKey.random().passphrase();
        // 32 bytes leave the 2 low bits of the last character unused; the next letter of the alphabet sets one
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String flipped = key.substring(0, 42) + alphabet.charAt(alphabet.indexOf(key.charAt(42)) + 1);
        assertThatThrownBy(() -> ChatKey.of(flipped)).hasMessageContaining("key");
    }

    @Test
    void rejectsPlusSlashAndPadding() {
        String key = ChatKey.random().passphrase();
        assertThatThrownBy(() -> ChatKey.of("+" + key.substring(1))).hasMessageContaining("outside base64url");
        assertThatThrownBy(() -> ChatKey.of(key.substring(0, 42) + "=")).hasMessageContaining("outside base64url");
    }

    @Test
    void destroyZeroesTheKeySoItMatchesNothing() {
        ChatKey key = ChatKey.random();
        ChatKey copy = ChatKey.of(key.passphrase());
        byte[] handedOut = key.passphraseUtf8();
        key.destroy();
        assertThat(key).isNotEqualTo(copy);
        assertThat(key.passphraseUtf8()).containsOnly(0);
        assertThat(handedOut).as("copies are the caller's to zero").isEqualTo(copy.passphraseUtf8());
    }
}
