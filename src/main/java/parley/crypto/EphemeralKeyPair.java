package parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.HKDFParameterSpec;
import javax.security.auth.DestroyFailedException;

/**
 * An ephemeral P-256 key pair for one join or rekey, and the key derivation of docs/protocol.md section 4:
 * {@code base64url(HKDF-SHA256(IKM = ECDH x-coordinate, salt = UTF-8(previous key), info = "parley-chat-key-v1",
 * L = 32))}. The private key lives here only as its PKCS#8 bytes, which {@link #destroy()} zeroes; a JDK key
 * object is built for each agreement and dropped at once, as JDK EC keys cannot be destroyed.
 */
public final class EphemeralKeyPair {
    private static final byte[] INFO = "parley-chat-key-v1".getBytes(StandardCharsets.US_ASCII);
    private final byte[] pkcs8;
    private final PublicPoint publicPoint;
    private volatile boolean destroyed;

    private EphemeralKeyPair(byte[] pkcs8, PublicPoint publicPoint) {
        this.pkcs8 = pkcs8;
        this.publicPoint = publicPoint;
    }

    public static EphemeralKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), Csprng.generator());
            KeyPair pair = generator.generateKeyPair();
            return new EphemeralKeyPair(pair.getPrivate().getEncoded(),
                    PublicPoint.of((ECPublicKey) pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is missing from this JDK", e);
        }
    }

    /**
     * Rebuilds a pair from {@link #privateKeyBytes()} and its public point, as stored during a join or rekey.
     *
     * @throws IllegalArgumentException when the bytes are not a P-256 PKCS#8 key or do not belong to {@code pub}
     */
    public static EphemeralKeyPair restore(byte[] pkcs8, PublicPoint pub) {
        EphemeralKeyPair restored = new EphemeralKeyPair(pkcs8.clone(), pub);
        ECPrivateKey key = restored.privateKey();
        if (!P256.isP256(key.getParams())) {
            restored.destroy();
            throw new IllegalArgumentException("stored ephemeral key is not a P-256 key");
        }
        if (!restored.belongsTo(pub)) {
            restored.destroy();
            throw new IllegalArgumentException("stored ephemeral key does not match its public point");
        }
        return restored;
    }

    public PublicPoint publicPoint() {
        return publicPoint;
    }

    /** A copy of the PKCS#8 private key, to be stored only encrypted at rest. */
    public byte[] privateKeyBytes() {
        checkLive();
        return pkcs8.clone();
    }

    /** The next chat key from this private key, the peer's point and the key it replaces. */
    public ChatKey deriveChatKey(PublicPoint peer, ChatKey previous) {
        byte[] z = sharedSecret(peer);
        byte[] okm = null;
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            okm = hkdf.deriveData(HKDFParameterSpec.ofExtract()
                    .addIKM(z)
                    .addSalt(previous.passphraseUtf8())
                    .thenExpand(INFO, ChatKey.BYTES));
            return ChatKey.fromBytes(okm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is missing from this JDK", e);
        } finally {
            Arrays.fill(z, (byte) 0);
            if (okm != null) {
                Arrays.fill(okm, (byte) 0);
            }
        }
    }

    /** Zeroes the private key bytes; the pair cannot be used afterwards. Safe to call twice. */
    public void destroy() {
        Arrays.fill(pkcs8, (byte) 0);
        destroyed = true;
    }

    /** The ECDH x-coordinate Z with {@code peer}. */
    byte[] sharedSecret(PublicPoint peer) {
        ECPrivateKey key = privateKey();
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            agreement.doPhase(peer.publicKey(), true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH with the peer's epk failed", e);
        } finally {
            forget(key);
        }
    }

    /**
     * Whether the private key's public point is {@code pub}, without point arithmetic of our own: a throwaway pair
     * T agrees the same secret with (own private, T public) and (T private, {@code pub}) only if they match.
     */
    private boolean belongsTo(PublicPoint pub) {
        EphemeralKeyPair probe = generate();
        byte[] mine = sharedSecret(probe.publicPoint());
        byte[] theirs = probe.sharedSecret(pub);
        try {
            return MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
            probe.destroy();
        }
    }

    private ECPrivateKey privateKey() {
        checkLive();
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("stored ephemeral key is not a PKCS#8 EC private key", e);
        }
    }

    private static void forget(ECPrivateKey key) {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // JDK EC keys do not implement destroy; the object becomes garbage right here
        }
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("ephemeral key pair was destroyed");
        }
    }

    @Override
    public String toString() {
        return "EphemeralKeyPair[public=" + publicPoint + ", private=***]";
    }
}
