package parley.store;

import java.util.Arrays;
import parley.crypto.AtRestException;
import parley.crypto.SealedBox;

/**
 * How the store writes the blobs it was given (chat state, settings, message bodies): as they are in a profile
 * without a passphrase, sealed under the profile's data key in one with.
 */
sealed interface BlobCodec permits BlobCodec.Plain, BlobCodec.Sealed {
    byte[] encode(byte[] value, byte[] associatedData);

    /** @throws StoreException when a sealed blob does not authenticate (a damaged or tampered profile) */
    byte[] decode(byte[] stored, byte[] associatedData);

    boolean encrypted();

    void destroy();

    static BlobCodec plain() {
        return new Plain();
    }

    /** Seals under a copy of {@code dataKey}. */
    static BlobCodec sealed(byte[] dataKey) {
        return new Sealed(SealedBox.of(dataKey));
    }

    /** No passphrase: the 0600 file in the 0700 directory is the only protection. */
    record Plain() implements BlobCodec {
        @Override
        public byte[] encode(byte[] value, byte[] associatedData) {
            return value.clone();
        }

        @Override
        public byte[] decode(byte[] stored, byte[] associatedData) {
            return stored;
        }

        @Override
        public boolean encrypted() {
            return false;
        }

        @Override
        public void destroy() {}
    }

    record Sealed(SealedBox box) implements BlobCodec {
        @Override
        public byte[] encode(byte[] value, byte[] associatedData) {
            return box.seal(value, associatedData);
        }

        @Override
        public byte[] decode(byte[] stored, byte[] associatedData) {
            try {
                return box.open(stored, associatedData);
            } catch (AtRestException e) {
                throw new StoreException("stored data does not authenticate: the profile is damaged or was changed"
                        + " outside Parley", e);
            }
        }

        @Override
        public boolean encrypted() {
            return true;
        }

        @Override
        public void destroy() {
            box.destroy();
        }
    }

    /** Zeroes a temporary copy of key material. */
    static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
