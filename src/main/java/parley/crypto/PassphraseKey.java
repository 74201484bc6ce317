package parley.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Turns the user's profile passphrase into a 32-byte key with Argon2id (RFC 9106), by Bouncy Castle: the JDK has
 * no memory-hard KDF. The parameters are stored with the profile, so stronger defaults later do not lock anyone out.
 */
public final class PassphraseKey {
    public static final int KEY_BYTES = 32;
    public static final int SALT_BYTES = 16;

    private PassphraseKey() {}

    /**
     * Argon2id cost and salt. Bounds keep a damaged profile from asking for absurd work.
     *
     * @param memoryKiB memory in KiB, at least 8 per lane, at most 4 GiB
     * @param salt at least 16 bytes, fresh per passphrase
     */
    public record Params(int memoryKiB, int iterations, int parallelism, byte[] salt) {
        public Params {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2 parallelism must be 1 to 16, not " + parallelism);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
                throw new IllegalArgumentException(
                        "Argon2 memory must be 8 KiB per lane to 4 GiB, not " + memoryKiB + " KiB");
            }
            if (iterations < 1 || iterations > 100) {
                throw new IllegalArgumentException("Argon2 iterations must be 1 to 100, not " + iterations);
            }
            if (salt == null || salt.length < SALT_BYTES) {
                throw new IllegalArgumentException("Argon2 salt must be at least " + SALT_BYTES + " bytes");
            }
            salt = salt.clone();
        }

        /**
         * Interactive unlock: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommendation, with one lane because
         * Bouncy Castle computes lanes on one thread). Measured 263 ms (cold JVM) on this project's 2-core build machine
         * (PassphraseKeyTest prints the figure). Fresh salt per call.
         */
        public static Params defaults() {
            return new Params(64 * 1024, 3, 1, Csprng.bytes(SALT_BYTES));
        }

        /** Cheap parameters for tests only; callers pass them in explicitly, nothing detects a test run. */
        public static Params forTests() {
            return new Params(64, 1, 1, Csprng.bytes(SALT_BYTES));
        }

        /** The same cost with a fresh salt, for a new passphrase. */
        public Params withFreshSalt() {
            return new Params(memoryKiB, iterations, parallelism, Csprng.bytes(SALT_BYTES));
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Params p && p.memoryKiB == memoryKiB && p.iterations == iterations
                    && p.parallelism == parallelism && Arrays.equals(p.salt, salt);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * memoryKiB + iterations) + parallelism) + Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return "Argon2id[m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + "]";
        }
    }

    /**
     * Derives a 32-byte key. The caller clears {@code passphrase} in {@code finally} and zeroes the result after use;
     * the UTF-8 copy made here is zeroed before returning.
     *
     * @throws IllegalArgumentException when the passphrase is empty or not valid UTF-16 (a lone surrogate)
     */
    public static byte[] derive(char[] passphrase, Params p) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase is empty");
        }
        byte[] utf8 = utf8(passphrase);
        try {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKiB())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .withSalt(p.salt())
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] key = new byte[KEY_BYTES];
            generator.generateBytes(utf8, key);
            return key;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    // Strict: Java's default encoder would write '?' for a lone surrogate and so accept a different passphrase.
    private static byte[] utf8(char[] passphrase) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = null;
        try {
            buffer = encoder.encode(CharBuffer.wrap(passphrase));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase has a character that is not valid Unicode", e);
        } finally {
            if (buffer != null && buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
        }
    }
}
