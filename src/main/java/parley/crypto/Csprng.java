package parley.crypto;

import java.security.SecureRandom;

/** The one source of randomness for keys, ids and salts: the platform CSPRNG, never {@code java.util.Random}. */
public final class Csprng {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csprng() {}

    /** Fresh random bytes. */
    public static byte[] bytes(int count) {
        byte[] out = new byte[count];
        RANDOM.nextBytes(out);
        return out;
    }

    /** The shared generator, for APIs that take a {@link SecureRandom}. */
    public static SecureRandom generator() {
        return RANDOM;
    }
}
