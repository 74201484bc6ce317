package parley.transport.wss;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import parley.transport.guard.PacketGuard;

/**
 * One MQTT connection over a JDK websocket: subprotocol {@code mqtt}, TLS from the given {@link SSLContext} with
 * the JDK's hostname verification (on by default; the factory refuses to run with it switched off). Paho creates
 * a new module for every connection attempt, so each owns its own {@link HttpClient} and shuts it down in
 * {@link #stop()}.
 */
final class WebSocketNetworkModule implements NetworkModule {
    static final String SUBPROTOCOL = "mqtt";
    /** Enough for several 16 KiB parts in flight on a fast link; more would only hold memory for a slow reader. */
    static final int RECEIVE_HIGH_WATER = 256 * 1024;
    private static final Duration CLOSE_GRACE = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger(WebSocketNetworkModule.class.getName());

    private final URI address;
    private final SSLContext sslContext;
    private final Duration connectTimeout;
    private final Map<String, String> headers;
    private final Duration packetDeadline;
    private HttpClient client;
    private WebSocket webSocket;
    private ReceivedBytes received;
    private PacketGuard guarded;
    private BinaryMessageOutputStream sent;

    /**
     * @param connectTimeout zero waits as long as the operating system does (Paho's "0 = no timeout")
     * @param headers extra request headers (Paho's custom websocket headers)
     * @param packetDeadline how long one MQTT packet may take to arrive (see {@link PacketGuard})
     */
    WebSocketNetworkModule(URI address, SSLContext sslContext, Duration connectTimeout, Map<String, String> headers,
                           Duration packetDeadline) {
        this.address = address;
        this.sslContext = sslContext;
        this.connectTimeout = connectTimeout;
        this.headers = Map.copyOf(headers);
        this.packetDeadline = packetDeadline;
    }

    @Override
    public synchronized void start() throws IOException {
        HttpClient.Builder clientBuilder = HttpClient.newBuilder().sslContext(sslContext);
        if (connectTimeout.isPositive()) {
            clientBuilder.connectTimeout(connectTimeout);
        }
        client = clientBuilder.build();
        ReceiveListener listener = new ReceiveListener(RECEIVE_HIGH_WATER);
        received = listener.received();
        // a hostile broker's announced packet size is checked before Paho allocates it
        guarded = new PacketGuard(received, packetDeadline);
        WebSocket.Builder socketBuilder = client.newWebSocketBuilder().subprotocols(SUBPROTOCOL);
        if (connectTimeout.isPositive()) {
            socketBuilder.connectTimeout(connectTimeout);
        }
        headers.forEach(socketBuilder::header);
        CompletableFuture<WebSocket> handshake = socketBuilder.buildAsync(address, listener);
        WebSocket connected;
        try {
            connected = connectTimeout.isPositive()
                    ? handshake.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    : handshake.get();
        } catch (TimeoutException e) {
            handshake.cancel(true);
            client.shutdownNow();
            throw new SocketTimeoutException("no websocket connection to " + address + " within "
                    + connectTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            handshake.cancel(true);
            client.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + address);
        } catch (ExecutionException e) {
            client.shutdownNow();
            throw connectFailure(e.getCause());
        }
        if (!SUBPROTOCOL.equals(connected.getSubprotocol())) {
            connected.abort();
            client.shutdownNow();
            throw new IOException(address + " did not accept the websocket subprotocol \"" + SUBPROTOCOL + "\"");
        }
        webSocket = connected;
        sent = new BinaryMessageOutputStream(connected);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (received == null) {
            throw new IOException("websocket to " + address + " is not started");
        }
        return guarded;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (sent == null) {
            throw new IOException("websocket to " + address + " is not started");
        }
        return sent;
    }

    /** Sends a close frame, waits briefly for the broker's, then releases the connection and its threads. */
    @Override
    public synchronized void stop() {
        if (client == null) {
            return;
        }
        if (webSocket != null) {
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                        .toCompletableFuture()
                        .get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                awaitInputClosed(webSocket);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "close frame to {0} not sent: {1}", address, e.toString());
            }
            webSocket.abort();
        }
        received.close();
        client.shutdownNow();
        client = null;
        webSocket = null;
    }

    @Override
    public String getServerURI() {
        return address.toString();
    }

    private static void awaitInputClosed(WebSocket closing) throws InterruptedException {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        while (!closing.isInputClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    // Paho reports the cause's message: keep the JDK's own exception (SSLHandshakeException names the host).
    private IOException connectFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return new IOException("websocket connection to " + address + " failed: " + cause, cause);
    }
}
