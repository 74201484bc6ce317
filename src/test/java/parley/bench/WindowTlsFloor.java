package parley.bench;

import com.formdev.flatlaf.FlatLightLaf;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * The memory floor under the desktop app's "one chat open": a FlatLaf window with one label and one TLS 1.3
 * connection (hostname verified) to the broker, nothing else, run by {@code scripts/bench-startup --chat} on the
 * image's own Java with the launcher's flags. Its peak RSS is what any Swing + TLS client costs on this JVM before
 * it stores, parses or draws a single message.
 *
 * <p>Prints {@code chat-shown-ms=N} (the benchmark's marker) once the window is painted and the handshake is done,
 * then stays {@code linger} seconds, as the app does.
 */
public final class WindowTlsFloor {
    private WindowTlsFloor() {}

    /** Arguments: broker host, mqtts port, CA file (PEM), seconds to stay. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: WindowTlsFloor HOST PORT CA_FILE LINGER_SECONDS");
        }
        FlatLightLaf.setup();
        SwingUtilities.invokeAndWait(() -> {
            JFrame frame = new JFrame("Parley memory floor");
            frame.add(new JLabel("A FlatLaf window and one TLS connection"));
            frame.setSize(1100, 750);
            frame.setVisible(true);
        });
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null);
        try (InputStream pem = Files.newInputStream(Path.of(args[2]))) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(args[0], Integer.parseInt(args[1]))) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            long ms = ProcessHandle.current().info().startInstant()
                    .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
            System.out.println("chat-shown-ms=" + ms);
            System.out.flush();
            Thread.sleep(Long.parseLong(args[3]) * 1000);
        }
        System.exit(0);
    }
}
