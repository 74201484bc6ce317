package parley.transport;

import java.net.URI;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory;
import parley.transport.guard.PacketGuard;

/**
 * Paho's entry to {@link GuardedTlsNetworkModule}, found by {@link java.util.ServiceLoader} for the scheme
 * {@value #SCHEME} (registered in {@code META-INF/services} and by {@code provides} in {@code module-info.java}).
 * Its own scheme for the reason the wss module has one: Paho picks the first factory that claims a scheme, and
 * its own jar claims {@code ssl} (see {@link parley.transport.wss.WssTransportSupport}). The socket factory must
 * be an {@link SSLSocketFactory} (the transport's {@link NoDelaySocketFactory}); there is no default trust.
 */
public final class GuardedTlsNetworkModuleFactory implements NetworkModuleFactory {
    /** The URI scheme Paho is given for an {@code mqtts://} broker. */
    static final String SCHEME = "parley-mqtts";

    /** For {@link java.util.ServiceLoader}. */
    public GuardedTlsNetworkModuleFactory() {
    }

    @Override
    public Set<String> getSupportedUriSchemes() {
        return Set.of(SCHEME);
    }

    @Override
    public void validateURI(URI brokerUri) {
        if (brokerUri.getHost() == null || brokerUri.getPort() == -1) {
            throw new IllegalArgumentException("broker address needs a host and a port: " + brokerUri);
        }
        String path = brokerUri.getPath();
        if (path != null && !path.isEmpty()) {
            throw new IllegalArgumentException("an mqtts broker address has no path: " + brokerUri);
        }
    }

    @Override
    public NetworkModule createNetworkModule(URI brokerUri, MqttConnectOptions options, String clientId)
            throws MqttException {
        try {
            validateURI(brokerUri);
        } catch (IllegalArgumentException e) {
            throw new MqttException(MqttException.REASON_CODE_SOCKET_FACTORY_MISMATCH, e);
        }
        SocketFactory factory = options.getSocketFactory();
        if (!(factory instanceof SSLSocketFactory tls)) {
            throw new MqttException(MqttException.REASON_CODE_SOCKET_FACTORY_MISMATCH,
                    new IllegalArgumentException(SCHEME + " needs the transport's TLS socket factory"));
        }
        var module = new GuardedTlsNetworkModule(tls, brokerUri.getHost(), brokerUri.getPort(), clientId,
                PacketGuard.deadlineForKeepAlive(options.getKeepAliveInterval()));
        module.setSSLhandshakeTimeout(options.getConnectionTimeout());
        module.setSSLHostnameVerifier(options.getSSLHostnameVerifier());
        module.setHttpsHostnameVerificationEnabled(options.isHttpsHostnameVerificationEnabled());
        return module;
    }

}
