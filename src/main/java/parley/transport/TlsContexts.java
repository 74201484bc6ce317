package parley.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for broker connections: the system's CA roots plus the profile's CA file, TLS 1.3/1.2 only. Hostname
 * verification is switched on per socket (see {@link NoDelaySocketFactory}); there is no trust-all path.
 */
final class TlsContexts {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    static SSLContext context(Optional<Path> caFile) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(caFile)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The PKIX trust manager over the system's roots and {@code caFile}'s certificates. */
    static X509ExtendedTrustManager trustManager(Optional<Path> caFile) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (X509Certificate root : systemRoots()) trust.setCertificateEntry("system-" + n++, root);
            if (caFile.isPresent()) {
                int i = 0;
                for (X509Certificate ca : readPem(caFile.get())) trust.setCertificateEntry("profile-" + i++, ca);
            }
            var tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            for (TrustManager manager : tmf.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) return x509;
            }
            throw new IllegalStateException("the JDK's PKIX trust manager factory made no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The JDK's default trust anchors (its cacerts, or what javax.net.ssl.trustStore names). */
    private static X509Certificate[] systemRoots() throws GeneralSecurityException {
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var manager : tmf.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) return x509.getAcceptedIssuers();
        }
        return new X509Certificate[0];
    }

    /** Reads one or more PEM certificates; a clear {@link IllegalArgumentException} for every way it fails. */
    static java.util.List<X509Certificate> readPem(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CA file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("CA file " + file + " cannot be read (permission denied)");
        } catch (IOException e) {
            throw new IllegalArgumentException("CA file " + file + " cannot be read: " + e.getMessage());
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("CA file " + file
                    + " is not a PEM certificate file (no -----BEGIN CERTIFICATE----- line)");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new IllegalArgumentException("CA file " + file + " holds no certificate");
            return certs.stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("CA file " + file + " holds a malformed certificate: "
                    + e.getMessage());
        }
    }
}
