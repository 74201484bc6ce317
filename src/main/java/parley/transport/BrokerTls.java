package parley.transport;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import parley.transport.wss.WssTransportSupport;

/**
 * Parley's TLS for a Paho client on any broker URL: the trust the transport uses (system roots plus an extra CA
 * file), TLS 1.3/1.2, hostname verification on, and the guarded network modules. For tools that need MQTT beyond
 * one inbox ({@code parley check}); the chat transport uses the same settings.
 */
public final class BrokerTls {
    private BrokerTls() {
    }

    /** The system's CA roots plus {@code caFile}'s certificates; a clear {@link IllegalArgumentException} for a bad file. */
    public static SSLContext context(Optional<Path> caFile) {
        return TlsContexts.context(caFile);
    }

    /** The trust behind {@link #context}: for a probe that must see the chain a server sends. */
    public static X509ExtendedTrustManager trustManager(Optional<Path> caFile) {
        return TlsContexts.trustManager(caFile);
    }

    /** The URI Paho is given for {@code url} ({@code mqtts://} or {@code wss://}): Parley's guarded modules. */
    public static String pahoUri(URI url) {
        return BrokerProfile.of(url).pahoUri();
    }

    /** Puts {@code tls} into {@code options} for {@code url}'s scheme, with hostname verification on. */
    public static void configure(MqttConnectOptions options, URI url, SSLContext tls) {
        if (url.getScheme().equalsIgnoreCase("wss")) {
            WssTransportSupport.configure(options, tls);               // the JDK websocket client, same trust
        } else {
            options.setSocketFactory(new NoDelaySocketFactory(tls.getSocketFactory()));
        }
        options.setHttpsHostnameVerificationEnabled(true);
    }
}
