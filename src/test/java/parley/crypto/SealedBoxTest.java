package parley.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedBoxTest {
    private final byte[] key = Csprng.bytes(32);
    private final byte[] ad = "chat/abc/state".getBytes(UTF_8);

    @Test
    void sealThenOpenGivesThePlaintextBack() throws Exception {
        SealedBox box = SealedBox.of(key);
        byte[] plain = "hello at rest".getBytes(UTF_8);
        byte[] sealed = box.seal(plain, ad);
        assertThat(sealed).hasSize(plain.length + SealedBox.OVERHEAD);
        assertThat(new String(sealed, UTF_8)).doesNotContain("hello");
        assertThat(box.open(sealed, ad)).isEqualTo(plain);
    }

    @Test
    void emptyPlaintextRoundTrips() throws Exception {
        SealedBox box = SealedBox.of(key);
        assertThat(box.open(box.seal(new byte[0], ad), ad)).isEmpty();
    }

    @Test
    void everySealUsesAFreshNonce() {
        SealedBox box = SealedBox.of(key);
        byte[] plain = "same".getBytes(UTF_8);
        assertThat(box.seal(plain, ad)).isNotEqualTo(box.seal(plain, ad));
    }

    @Test
    void wrongKeyFails() {
        byte[] sealed = SealedBox.of(key).seal("x".getBytes(UTF_8), ad);
        assertThatThrownBy(() -> SealedBox.of(Csprng.bytes(32)).open(sealed, ad))
                .isInstanceOf(AtRestException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void otherAssociatedDataFailsSoRowsCannotBeSwapped() {
        SealedBox box = SealedBox.of(key);
        byte[] sealed = box.seal("x".getBytes(UTF_8), ad);
        assertThatThrownBy(() -> box.open(sealed, "chat/other/state".getBytes(UTF_8)))
                .isInstanceOf(AtRestException.class);
    }

    @Test
    void aChangedByteFails() {
        SealedBox box = SealedBox.of(key);
        byte[] sealed = box.seal("some text".getBytes(UTF_8), ad);
        sealed[SealedBox.NONCE_BYTES + 2] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, ad)).isInstanceOf(AtRestException.class);
    }

    @Test
    void tooShortInputFailsWithItsLength() {
        assertThatThrownBy(() -> SealedBox.of(key).open(new byte[27], ad))
                .isInstanceOf(AtRestException.class).hasMessageContaining("27 bytes");
    }

    @Test
    void keyOfWrongLengthIsRefused() {
        assertThatThrownBy(() -> SealedBox.of(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void theBoxKeepsItsOwnCopyOfTheKey() throws Exception {
        byte[] mine = key.clone();
        SealedBox box = SealedBox.of(mine);
        byte[] sealed = box.seal("x".getBytes(UTF_8), ad);
        java.util.Arrays.fill(mine, (byte) 0);
        assertThat(box.open(sealed, ad)).isEqualTo("x".getBytes(UTF_8));
    }

    @Test
    void destroyedBoxRefusesWork() {
        SealedBox box = SealedBox.of(key);
        box.destroy();
        assertThatThrownBy(() -> box.seal(new byte[1], ad))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(SealedBox.of(key).toString()).contains("***").doesNotContain(Base64Url.encode(key));
    }
}
