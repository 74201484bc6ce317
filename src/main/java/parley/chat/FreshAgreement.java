package parley.chat;

import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.PublicPoint;

/**
 * A key agreed with a fresh ephemeral key pair against the peer's public key (docs/protocol.md section 4): the
 * answering side of a join or a rekey. The private half never outlives the derivation (forward secrecy).
 */
record FreshAgreement(ChatKey key, PublicPoint ownPublic) {
    static FreshAgreement with(PublicPoint peer, ChatKey previous) {
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        try {
            return new FreshAgreement(pair.deriveChatKey(peer, previous), pair.publicPoint());
        } finally {
            pair.destroy();
        }
    }

    @Override
    public String toString() {
        return "FreshAgreement[***]";
    }
}
