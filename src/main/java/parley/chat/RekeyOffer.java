package parley.chat;

import java.util.Arrays;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * A rekey this side started (docs/protocol.md section 5): re-sent identically until its rekey-ok arrives. The
 * ephemeral private key (PKCS#8) is kept in the profile, encrypted at rest like every key, so a restart can
 * finish the rekey; it is erased when the answer arrives or the rekey is abandoned.
 */
record RekeyOffer(MessageId id, long seq, long ts, long epoch, PublicPoint epk, byte[] privateKey) {
    void erase() {
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "RekeyOffer[epoch " + epoch + ", id " + id + "]";
    }
}
