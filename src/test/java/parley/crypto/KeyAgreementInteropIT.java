package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.crypto.NodeOracle.request;

import com.google.gson.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ECDH + HKDF ({@link EphemeralKeyPair}) and {@link SafetyCode} against node's {@code createECDH}/{@code hkdfSync}. */
class KeyAgreementInteropIT {
    private static NodeOracle node;

    @BeforeAll
    static void startNode() {
        node = NodeOracle.start();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        node.close();
    }

    @Test
    void javaAndNodeDeriveTheSameChatKey() {
        for (int i = 0; i < 10; i++) {
            ChatKey previous = ChatKey.random();
            EphemeralKeyPair java = EphemeralKeyPair.generate();
            JsonObject nodePair = node.call(request("ecdhPair")).getAsJsonObject();
            PublicPoint nodePoint = PublicPoint.of(nodePair.get("epk").getAsString());

            ChatKey ours = java.deriveChatKey(nodePoint, previous);
            String theirs = node.callString(request("deriveChatKey", "priv", nodePair.get("priv").getAsString(),
                    "peerEpk", java.publicPoint().encoded(), "previous", previous.passphrase()));

            assertThat(ours.passphrase()).isEqualTo(theirs);
        }
    }

    @Test
    void aPkcs8KeyWrittenByNodeRestoresAndDerivesTheSameKey() {
        JsonObject nodePair = node.call(request("ecdhPair")).getAsJsonObject();
        byte[] pkcs8 = Base64.getUrlDecoder().decode(nodePair.get("pkcs8").getAsString());
        EphemeralKeyPair restored = EphemeralKeyPair.restore(pkcs8, PublicPoint.of(nodePair.get("epk").getAsString()));
        EphemeralKeyPair peer = EphemeralKeyPair.generate();
        ChatKey previous = ChatKey.random();

        String fromNode = node.callString(request("deriveChatKey", "priv", nodePair.get("priv").getAsString(),
                "peerEpk", peer.publicPoint().encoded(), "previous", previous.passphrase()));

        assertThat(restored.deriveChatKey(peer.publicPoint(), previous).passphrase()).isEqualTo(fromNode);
        assertThat(peer.deriveChatKey(restored.publicPoint(), previous).passphrase()).isEqualTo(fromNode);
    }

    @Test
    void safetyCodeEqualsNodesBigIntComputation() {
        for (int i = 0; i < 20; i++) {
            ChatKey key = ChatKey.random();
            InboxId a = InboxId.random();
            InboxId b = InboxId.random();
            String fromNode = node.callString(request("safety", "key", key.passphrase(),
                    "a", a.value(), "b", b.value()));
            assertThat(SafetyCode.of(key, a, b).digits()).isEqualTo(fromNode);
        }
    }
}
