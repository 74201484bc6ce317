package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PassphraseKeyTest {
    private final PassphraseKey.Params params = PassphraseKey.Params.forTests();

    @Test
    void samePassphraseAndParamsGiveTheSameKey() {
        byte[] a = PassphraseKey.derive("correct horse".toCharArray(), params);
        byte[] b = PassphraseKey.derive("correct horse".toCharArray(), params);
        assertThat(a).hasSize(32).isEqualTo(b);
    }

    @Test
    void anotherPassphraseGivesAnotherKey() {
        assertThat(PassphraseKey.derive("correct horse".toCharArray(), params))
                .isNotEqualTo(PassphraseKey.derive("correct horse!".toCharArray(), params));
    }

    @Test
    void anotherSaltGivesAnotherKey() {
        assertThat(PassphraseKey.derive("pw".toCharArray(), params))
                .isNotEqualTo(PassphraseKey.derive("pw".toCharArray(), params.withFreshSalt()));
    }

    @Test
    void costIsPartOfTheKey() {
        var cheaper = new PassphraseKey.Params(params.memoryKiB(), 2, 1, params.salt());
        assertThat(PassphraseKey.derive("pw".toCharArray(), params))
                .isNotEqualTo(PassphraseKey.derive("pw".toCharArray(), cheaper));
    }

    @Test
    void nonAsciiPassphrasesAreUtf8() {
        byte[] a = PassphraseKey.derive("grüße 🔑".toCharArray(), params);
        assertThat(a).isEqualTo(PassphraseKey.derive("grüße 🔑".toCharArray(), params));
    }

    @Test
    void emptyPassphraseIsRefused() {
        assertThatThrownBy(() -> PassphraseKey.derive(new char[0], params))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void loneSurrogateIsRefusedNotReplaced() {
        assertThatThrownBy(() -> PassphraseKey.derive(new char[] {'a', '\uD83D'}, params))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid Unicode");
    }

    @Test
    void tooLittleMemoryIsRefused() {
        assertThatThrownBy(() -> new PassphraseKey.Params(4, 1, 1, new byte[16]))
                .hasMessageContaining("memory");
    }

    @Test
    void tooMuchMemoryIsRefused() {
        assertThatThrownBy(() -> new PassphraseKey.Params(5 * 1024 * 1024, 1, 1, new byte[16]))
                .hasMessageContaining("memory");
    }

    @Test
    void zeroIterationsAreRefused() {
        assertThatThrownBy(() -> new PassphraseKey.Params(64, 0, 1, new byte[16]))
                .hasMessageContaining("iterations");
    }

    @Test
    void zeroParallelismIsRefused() {
        assertThatThrownBy(() -> new PassphraseKey.Params(64, 1, 0, new byte[16]))
                .hasMessageContaining("parallelism");
    }

    @Test
    void shortSaltIsRefused() {
        assertThatThrownBy(() -> new PassphraseKey.Params(64, 1, 1, new byte[8]))
                .hasMessageContaining("salt");
    }

    @Test
    void defaultsAreInteractiveStrength() {
        PassphraseKey.Params defaults = PassphraseKey.Params.defaults();
        assertThat(defaults.memoryKiB()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(defaults.iterations()).isGreaterThanOrEqualTo(3);
        assertThat(defaults.salt()).hasSize(16).isNotEqualTo(PassphraseKey.Params.defaults().salt());
        long start = System.nanoTime();
        PassphraseKey.derive("a passphrase".toCharArray(), defaults);
        System.out.printf("Argon2id %s took %d ms%n", defaults, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void toStringShowsCostNotSalt() {
        assertThat(params.toString()).contains("m=64 KiB").doesNotContain("[B@");
    }
}
