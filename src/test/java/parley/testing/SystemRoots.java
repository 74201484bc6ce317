package parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Adds a test CA to what "the system's CA roots" are for this JVM, for as long as it is open: a trust store
 * holding the JVM's default roots plus the CA, named by {@code javax.net.ssl.trustStore} (the JDK reads the
 * property on each new trust manager). This is how a test stands in for a broker with a publicly trusted
 * certificate without any switch in Parley: its code path stays exactly the production one.
 */
public final class SystemRoots implements AutoCloseable {
    private static final String[] PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
            "javax.net.ssl.trustStoreType"};
    private static final String PASSWORD = "test-only";
    private final Map<String, String> before = new LinkedHashMap<>();

    private SystemRoots(Path store) {
        for (String p : PROPERTIES) before.put(p, System.getProperty(p));
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    /** The JVM's roots plus the CA certificate in {@code caPem}; the store is written to {@code dir}. */
    public static SystemRoots plus(Path caPem, Path dir) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            int n = 0;
            for (var manager : tmf.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate root : x509.getAcceptedIssuers()) store.setCertificateEntry("root-" + n++, root);
                }
            }
            if (n == 0) throw new IllegalStateException("the JVM has no default CA roots to start from");
            try (InputStream in = Files.newInputStream(caPem)) {
                store.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            Path file = dir.resolve("system-roots-plus-test-ca.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return new SystemRoots(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test's system trust store: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        before.forEach((property, value) -> {
            if (value == null) System.clearProperty(property);
            else System.setProperty(property, value);
        });
    }
}
