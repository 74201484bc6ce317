package parley.transport.wss;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * What the MQTT transport calls to run a Paho client over {@code wss://} with this package's network module.
 *
 * <pre>{@code
 * MqttConnectOptions options = new MqttConnectOptions();
 * WssTransportSupport.configure(options, sslContext);             // trust: system roots + the profile's CA
 * String serverUri = WssTransportSupport.brokerUri(URI.create("wss://broker.example:443/mqtt"));
 * MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, persistence);
 * client.connect(options);
 * }</pre>
 *
 * <p>Why a scheme of our own ({@value #SCHEME}) instead of {@code wss}: Paho picks the first
 * {@link org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory} whose {@code getSupportedUriSchemes()} contains
 * the scheme, in {@link java.util.ServiceLoader} order, and its own jar registers a {@code wss} factory. On the
 * class path that order is the class path order; on the module path (the jlink image) the order of modules "is
 * not defined" (ServiceLoader Javadoc). Only a scheme no other factory claims makes the choice certain.
 */
public final class WssTransportSupport {
    /** The URI scheme Paho is given; the module connects to the same address with {@code wss}. */
    public static final String SCHEME = "parley-wss";

    private WssTransportSupport() {
    }

    /**
     * The Paho server URI for a {@code wss://} broker address: same host, port, path and query, scheme
     * {@value #SCHEME}.
     *
     * @throws IllegalArgumentException if the address is not an absolute {@code wss://} URI with a host, or has a
     *     fragment (RFC 6455 forbids one) or user info (it would be sent nowhere and only leak into logs)
     */
    public static String brokerUri(URI wssAddress) {
        Objects.requireNonNull(wssAddress, "wssAddress");
        String scheme = wssAddress.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("wss")) {
            throw new IllegalArgumentException("broker address must start with wss://, got scheme " + scheme);
        }
        WssAddress.check(wssAddress);
        return SCHEME + wssAddress.toString().substring(scheme.length());
    }

    /**
     * Makes {@code options} carry {@code context} for TLS and turns hostname verification on. The socket factory
     * set here is also a working {@link javax.net.ssl.SSLSocketFactory} of {@code context}, so the same options
     * serve Paho's {@code ssl://} module unchanged.
     */
    public static void configure(MqttConnectOptions options, SSLContext context) {
        Objects.requireNonNull(options, "options");
        options.setSocketFactory(new SslContextSocketFactory(context));
        options.setHttpsHostnameVerificationEnabled(true);
    }
}
