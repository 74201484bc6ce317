package parley.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import parley.transport.BrokerTls;

/**
 * One TLS handshake with a server, as the JDK does it, and what came of it.
 *
 * @param protocol the version the server chose, if it answered the ClientHello with a certificate
 * @param chain    the certificates it sent (empty when it sent none)
 * @param failure  why the handshake failed, or empty when it succeeded
 */
record Handshake(Optional<String> protocol, List<X509Certificate> chain, Optional<Exception> failure) {

    boolean succeeded() {
        return failure.isEmpty();
    }

    /**
     * Connects to {@code endpoint} and shakes hands offering {@code protocols}; the host name is checked against
     * the certificate only when {@code verifyName}.
     *
     * @throws IOException when the TCP connection cannot be made at all
     */
    static Handshake with(Endpoint endpoint, Optional<Path> caFile, String[] protocols, boolean verifyName,
                          Duration timeout) throws IOException {
        var trust = new RecordingTrust(BrokerTls.trustManager(caFile));
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS: " + e.getMessage(), e);
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, endpoint.host(),
                endpoint.port(), true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(protocols);
            if (verifyName) parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (endpoint.host().contains(".") && !endpoint.host().matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(endpoint.host())));
            }
            socket.setSSLParameters(parameters);
            try {
                socket.startHandshake();
                return new Handshake(Optional.of(socket.getSession().getProtocol()), trust.chain(), Optional.empty());
            } catch (IOException e) {
                return new Handshake(trust.protocol(), trust.chain(), Optional.of(e));
            }
        }
    }
}
