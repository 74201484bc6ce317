package parley.check;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Parley's own trust (system roots plus the CA file), which also notes what the server sent before it decides:
 * the chain and the negotiated protocol version. A refused chain is still refused; noting it lets the report
 * say which certificate was refused, and that the server did accept the TLS version offered.
 */
final class RecordingTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private volatile List<X509Certificate> chain = List.of();
    private volatile String protocol;

    RecordingTrust(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /** The version the server chose in its ServerHello, when the handshake got as far as its certificate. */
    Optional<String> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] sent, String authType, Socket socket) throws CertificateException {
        chain = List.of(sent);
        if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
            protocol = ssl.getHandshakeSession().getProtocol();
        }
        delegate.checkServerTrusted(sent, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] sent, String authType, SSLEngine engine) throws CertificateException {
        chain = List.of(sent);
        delegate.checkServerTrusted(sent, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] sent, String authType) throws CertificateException {
        chain = List.of(sent);
        delegate.checkServerTrusted(sent, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] sent, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a probe is a client: it trusts no client certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] sent, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a probe is a client: it trusts no client certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] sent, String authType) throws CertificateException {
        throw new CertificateException("a probe is a client: it trusts no client certificate");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
