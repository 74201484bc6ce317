package parley.transport.wss;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory;
import parley.transport.guard.PacketGuard;

/**
 * Paho's entry to {@link WebSocketNetworkModule}, found by {@link java.util.ServiceLoader} for the scheme
 * {@value WssTransportSupport#SCHEME} (registered in {@code META-INF/services} for the class path and by
 * {@code provides} in {@code module-info.java} for the module path). Build the server URI with
 * {@link WssTransportSupport#brokerUri}; see there why the scheme is not {@code wss}.
 *
 * <p>Where the settings come from, all from the {@link MqttConnectOptions} Paho passes in:
 * <ul>
 *   <li>TLS: the {@link SSLContext} put there by {@link WssTransportSupport#configure}; with no socket factory and no
 *       SSL properties at all, the JDK default context (system trust). Any other socket factory or Paho SSL
 *       properties are refused: the JDK websocket client takes a context, not a socket factory, and silently
 *       ignoring a trust setting would be worse than failing.</li>
 *   <li>Hostname verification: always the JDK client's own. Options that turn it off
 *       (hostname verification switched off in the options), a custom {@code HostnameVerifier} this module could not
 *       apply, or the system property {@code jdk.internal.httpclient.disableHostnameVerification} make it refuse.</li>
 *   <li>Connect timeout: {@code getConnectionTimeout()} seconds for TCP connect and for the websocket handshake.</li>
 *   <li>Extra handshake headers: {@code getCustomWebSocketHeaders()}.</li>
 *   <li>How long one received MQTT packet may take: {@code getKeepAliveInterval()} seconds
 *       ({@link parley.transport.guard.PacketGuard}).</li>
 * </ul>
 * Refusals are {@link MqttException}s with reason {@link MqttException#REASON_CODE_SOCKET_FACTORY_MISMATCH} and an
 * {@link IllegalArgumentException} cause that says what is wrong.
 */
public final class WssNetworkModuleFactory implements NetworkModuleFactory {
    static final String DISABLE_HOSTNAME_VERIFICATION = "jdk.internal.httpclient.disableHostnameVerification";

    /** For {@link java.util.ServiceLoader}. */
    public WssNetworkModuleFactory() {
    }

    @Override
    public Set<String> getSupportedUriSchemes() {
        return Set.of(WssTransportSupport.SCHEME);
    }

    @Override
    public void validateURI(URI brokerUri) {
        WssAddress.check(brokerUri);
    }

    @Override
    public NetworkModule createNetworkModule(URI brokerUri, MqttConnectOptions options, String clientId)
            throws MqttException {
        try {
            validateURI(brokerUri);
            return new WebSocketNetworkModule(WssAddress.websocketAddress(brokerUri), sslContext(options),
                    Duration.ofSeconds(options.getConnectionTimeout()), headers(options),
                    PacketGuard.deadlineForKeepAlive(options.getKeepAliveInterval()));
        } catch (IllegalArgumentException e) {
            throw new MqttException(MqttException.REASON_CODE_SOCKET_FACTORY_MISMATCH, e);
        }
    }

    static SSLContext sslContext(MqttConnectOptions options) {
        requireHostnameVerification(options);
        SocketFactory factory = options.getSocketFactory();
        if (factory instanceof SslContextSocketFactory carrier) {
            return carrier.context();
        }
        if (factory != null) {
            throw new IllegalArgumentException(WssTransportSupport.SCHEME + " takes its TLS settings from "
                    + "WssTransportSupport.configure(options, sslContext), not from a socket factory of type "
                    + factory.getClass().getName());
        }
        if (options.getSSLProperties() != null) {
            throw new IllegalArgumentException(WssTransportSupport.SCHEME + " does not read Paho SSL properties; "
                    + "configure TLS with WssTransportSupport.configure(options, sslContext)");
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    private static void requireHostnameVerification(MqttConnectOptions options) {
        if (!options.isHttpsHostnameVerificationEnabled()) {
            throw new IllegalArgumentException(WssTransportSupport.SCHEME
                    + " always verifies the broker's host name; the options turn hostname verification off");
        }
        if (options.getSSLHostnameVerifier() != null) {
            throw new IllegalArgumentException(WssTransportSupport.SCHEME
                    + " verifies host names with the JDK's own check and cannot apply a custom HostnameVerifier");
        }
        String disabled = System.getProperty(DISABLE_HOSTNAME_VERIFICATION);
        // The JDK reads an empty value as "disabled" too.
        if (disabled != null && (disabled.isEmpty() || Boolean.parseBoolean(disabled))) {
            throw new IllegalArgumentException("system property " + DISABLE_HOSTNAME_VERIFICATION
                    + " turns off hostname verification for every JDK websocket; remove it");
        }
    }


    private static Map<String, String> headers(MqttConnectOptions options) {
        Map<String, String> headers = new LinkedHashMap<>();
        Properties custom = options.getCustomWebSocketHeaders();
        if (custom != null) {
            custom.stringPropertyNames().forEach(name -> headers.put(name, custom.getProperty(name)));
        }
        return headers;
    }
}
