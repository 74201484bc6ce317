package parley.transport.wss;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory of an {@link SSLContext} that also hands the context itself to the websocket module:
 * {@link org.eclipse.paho.client.mqttv3.MqttConnectOptions} has a slot for a socket factory only, and the JDK
 * websocket client needs the context. Delegating every method keeps it usable by Paho's {@code ssl://} module.
 */
final class SslContextSocketFactory extends SSLSocketFactory {
    private final SSLContext context;
    private final SSLSocketFactory delegate;

    SslContextSocketFactory(SSLContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.delegate = context.getSocketFactory();
    }

    SSLContext context() {
        return context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }

    @Override
    public String toString() {
        return "SslContextSocketFactory[" + context.getProtocol() + "]";
    }
}
