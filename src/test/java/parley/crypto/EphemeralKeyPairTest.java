package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EphemeralKeyPairTest {
    @Test
    void bothSidesDeriveTheSameChatKey() {
        EphemeralKeyPair inviter = EphemeralKeyPair.generate();
        EphemeralKeyPair joiner = EphemeralKeyPair.generate();
        ChatKey k = ChatKey.random();

        ChatKey k2 = inviter.deriveChatKey(joiner.publicPoint(), k);

        assertThat(joiner.deriveChatKey(inviter.publicPoint(), k)).isEqualTo(k2);
        assertThat(k2).isNotEqualTo(k);
    }

    @Test
    void thePreviousKeyIsPartOfTheDerivation() {
        EphemeralKeyPair a = EphemeralKeyPair.generate();
        EphemeralKeyPair b = EphemeralKeyPair.generate();
        assertThat(a.deriveChatKey(b.publicPoint(), ChatKey.random()))
                .isNotEqualTo(a.deriveChatKey(b.publicPoint(), ChatKey.random()));
    }

    @Test
    void restoredFromPkcs8ItDerivesTheSameKey() {
        EphemeralKeyPair original = EphemeralKeyPair.generate();
        EphemeralKeyPair peer = EphemeralKeyPair.generate();
        ChatKey k = ChatKey.random();

        EphemeralKeyPair restored = EphemeralKeyPair.restore(original.privateKeyBytes(), original.publicPoint());

        assertThat(restored.publicPoint()).isEqualTo(original.publicPoint());
        assertThat(restored.deriveChatKey(peer.publicPoint(), k)).isEqualTo(original.deriveChatKey(peer.publicPoint(), k));
    }

    @Test
    void restoreRefusesAPublicPointOfAnotherKey() {
        EphemeralKeyPair original = EphemeralKeyPair.generate();
        PublicPoint other = EphemeralKeyPair.generate().publicPoint();
        assertThatThrownBy(() -> EphemeralKeyPair.restore(original.privateKeyBytes(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void restoreRefusesBytesThatAreNotPkcs8() {
        PublicPoint pub = EphemeralKeyPair.generate().publicPoint();
        assertThatThrownBy(() -> EphemeralKeyPair.restore(new byte[] {1, 2, 3}, pub))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void privateKeyBytesAreACopy() {
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        byte[] bytes = pair.privateKeyBytes();
        bytes[bytes.length - 1] ^= 1;
        assertThat(pair.privateKeyBytes()).isNotEqualTo(bytes);
    }

    @Test
    void aDestroyedPairCannotBeUsed() {
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        PublicPoint peer = EphemeralKeyPair.generate().publicPoint();
        pair.destroy();
        pair.destroy();
        assertThatThrownBy(pair::privateKeyBytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pair.deriveChatKey(peer, ChatKey.random())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringHidesThePrivateKey() {
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        assertThat(pair.toString()).contains("***").doesNotContain(Base64Url.encode(pair.privateKeyBytes()));
    }
}
