package parley.transport;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import parley.crypto.InboxId;

/**
 * The MQTT side of Parley: one per process. It owns the threads every connection shares:
 * <ul>
 *   <li>{@code parley-mqtt-io-N}, virtual threads: Paho's sender, receiver and callback loops (three per live
 *       connection; they block on sockets) and the blocking steps of close and retire;</li>
 *   <li>{@code parley-mqtt-timer}: one thread for keep-alive pings and reconnect timers; its tasks never
 *       block.</li>
 * </ul>
 * Nothing the owner supplies runs on these threads: listener calls and future completions go to the owner's
 * executor. {@link #close()} closes every connection and stops the threads.
 */
public final class MqttTransport implements Transport, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MqttTransport.class.getName());
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    // virtual: Paho's loops block on sockets and monitors, which on JDK 25 park a virtual thread without pinning
    // its carrier (JEP 491), so a connection costs no platform thread and stack (docs/benchmarks.md, scale)
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("parley-mqtt-io-", 1).factory());
    private final ScheduledThreadPoolExecutor timer =
            new ScheduledThreadPoolExecutor(1, named("parley-mqtt-timer"));
    private final ScheduledExecutorService pahoExecutor = new PahoExecutor(io, timer);
    private final ConnectGate connectGate = new ConnectGate(ConnectGate.LIMIT, io, timer,
            Duration.ofSeconds(3L * CONNECT_TIMEOUT_SECONDS));
    private final Set<PahoInboxConnection> open = ConcurrentHashMap.newKeySet();
    private final InstantSource clock;
    private final RandomGenerator random;
    private volatile boolean closed;

    public MqttTransport() {
        this(InstantSource.system(), RandomGenerator.getDefault());
    }

    MqttTransport(InstantSource clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public InboxConnection open(BrokerProfile profile, InboxId clientId, ConnectionListener listener,
                                Executor callbackExecutor) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        if (closed) throw new IllegalStateException("the MQTT transport is closed");
        SSLContext tls = TlsContexts.context(profile.caFile());
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(profile.pahoUri(), clientId.value(), new MemoryPersistence(),
                    new ScheduledExecutorPingSender(pahoExecutor), pahoExecutor);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot use broker URL " + profile.preferred() + ": "
                    + e.getMessage(), e);
        }
        var connection = new PahoInboxConnection[1];
        connection[0] = new PahoInboxConnection(client, clientId, connectOptions(profile, tls, false),
                connectOptions(profile, tls, true), listener, callbackExecutor, timer, io, connectGate,
                new TakeoverDetector(clock), random, () -> open.remove(connection[0]));
        open.add(connection[0]);
        LOG.log(Level.DEBUG, "opened inbox {0} on {1}", clientId.abbreviated(), profile.preferred());
        return connection[0];
    }

    /** Closes every open connection (their broker sessions stay) and stops the transport's threads. */
    @Override
    public void close() {
        closed = true;
        for (PahoInboxConnection connection : new ArrayList<>(open)) connection.close();
        timer.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) io.shutdownNow();
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** cleanSession = false for use; true only to retire an inbox. */
    private static MqttConnectOptions connectOptions(BrokerProfile profile, SSLContext tls, boolean cleanSession) {
        var options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // no silent fall-back to 3.1
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);                          // ours: back-off and takeover detection
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
        BrokerTls.configure(options, profile.preferred(), tls);
        profile.username().ifPresent(options::setUserName);
        profile.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        // the in-flight window stays at Paho's default: a window of 100 made Mosquitto drop 5-32% of a 10k burst
        return options;
    }

    private static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
