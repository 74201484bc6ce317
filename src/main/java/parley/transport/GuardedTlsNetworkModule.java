package parley.transport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.internal.SSLNetworkModule;
import parley.transport.guard.PacketGuard;

/**
 * Paho's own {@code ssl://} module (TLS handshake, hostname verification, its one-second read timeout), with the
 * received bytes read through a {@link PacketGuard}: a hostile broker's announced packet size is checked before
 * Paho allocates it.
 */
final class GuardedTlsNetworkModule extends SSLNetworkModule {
    private final Duration packetDeadline;
    private InputStream guarded;

    GuardedTlsNetworkModule(SSLSocketFactory factory, String host, int port, String clientId,
                            Duration packetDeadline) {
        super(factory, host, port, clientId);
        this.packetDeadline = packetDeadline;
    }

    @Override
    public synchronized void start() throws IOException, MqttException {
        guarded = null;
        super.start();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (guarded == null) guarded = new PacketGuard(super.getInputStream(), packetDeadline);
        return guarded;
    }
}
