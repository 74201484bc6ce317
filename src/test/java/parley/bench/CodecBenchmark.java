package parley.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import parley.crypto.CryptoJsAes;
import parley.crypto.DecryptionException;
import parley.crypto.MacKey;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;

/**
 * The payload codec in messages per second: the whole {@link PayloadCodec#seal}/{@link PayloadCodec#open} of a
 * {@code msg}, and the raw crypto parts (CryptoJS AES + MAC) they are built on. {@link CodecFigures} runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    @Param({"200", "10240"})
    public int textBytes;

    private CodecSample sample;
    private MacKey macKey;
    private String ct;
    private String mac;

    @Setup(Level.Trial)
    public void setUp() throws DecryptionException {
        sample = CodecSample.of(textBytes);
        macKey = MacKey.derive(sample.key());
        ct = CryptoJsAes.encrypt(sample.plaintextJson(), sample.key().passphrase());
        mac = macKey.mac(ct);
    }

    /** Encrypt + MAC + envelope, as a sender does for every message (the MAC key is derived each time, too). */
    @Benchmark
    public byte[] seal() {
        return PayloadCodec.seal(sample.msg(), sample.key());
    }

    /** Parse + verify MAC + decrypt + parse and check every field, as a receiver does. */
    @Benchmark
    public Opened open() {
        Opened opened = PayloadCodec.open(sample.payload(), List.of(sample.key()), sample.msg().to());
        if (!(opened instanceof Opened.Accepted)) {
            throw new IllegalStateException("the sample payload did not open: " + opened);
        }
        return opened;
    }

    /** Only the crypto of seal: CryptoJS AES of the plaintext JSON, then the MAC of the ciphertext. */
    @Benchmark
    public String rawEncryptMac() {
        String c = CryptoJsAes.encrypt(sample.plaintextJson(), sample.key().passphrase());
        return macKey.mac(c);
    }

    /** Only the crypto of open: verify the MAC, then decrypt. */
    @Benchmark
    public String rawVerifyDecrypt() throws DecryptionException {
        if (!macKey.verifies(ct, mac)) {
            throw new IllegalStateException("MAC does not verify");
        }
        return CryptoJsAes.decrypt(ct, sample.key().passphrase());
    }
}
