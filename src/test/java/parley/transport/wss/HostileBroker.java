package parley.transport.wss;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A broker that lies, on a real TLS socket: it answers the client's CONNECT with a CONNACK, then either announces
 * a 256 MiB PUBLISH ({@code 30 FF FF FF 7F}) and sends nothing more, or drips a packet one byte every
 * {@link #DRIP_EVERY_MS} ms forever, never finishing it. Speaks plain MQTT (for {@code mqtts://}) or MQTT inside
 * binary websocket messages (for {@code wss://}), one byte per message when dripping.
 */
final class HostileBroker implements AutoCloseable {
    enum Attack { HUGE_LENGTH, DRIP }

    static final long DRIP_EVERY_MS = 500;
    private static final byte[] CONNACK = {0x20, 0x02, 0x00, 0x00};
    private static final byte[] HUGE = {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    /** A PUBLISH of 8,192 bytes announced, well under the limit, whose body then comes one byte at a time. */
    private static final byte[] DRIP_HEADER = {0x30, (byte) 0x80, 0x40};

    private final SSLServerSocket server;
    private final Attack attack;
    private final boolean websocket;
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    final AtomicInteger connects = new AtomicInteger();

    private HostileBroker(SSLServerSocket server, Attack attack, boolean websocket) {
        this.server = server;
        this.attack = attack;
        this.websocket = websocket;
    }

    static HostileBroker start(SSLContext serverContext, Attack attack, boolean websocket) throws IOException {
        var server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var broker = new HostileBroker(server, attack, websocket);
        broker.io.submit(broker::acceptLoop);
        return broker;
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                io.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            if (websocket) {
                String key = FragmentingRelay.handshakeKey(in);
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + FragmentingRelay.accept(key)
                        + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                WebSocketFrames.read(new DataInputStream(in)); // the CONNECT
            } else if (in.read(new byte[4096]) < 0) {
                return;                                      // (the start of) the CONNECT
            }
            connects.incrementAndGet();
            io.submit(() -> discard(in));
            send(out, CONNACK);
            if (attack == Attack.HUGE_LENGTH) {
                send(out, HUGE);
                // then nothing: a client that believed the length would wait for (or allocate) 256 MiB
                while (!client.isClosed() && !server.isClosed()) Thread.sleep(100);
                return;
            }
            send(out, DRIP_HEADER);
            while (!server.isClosed()) {
                Thread.sleep(DRIP_EVERY_MS);
                send(out, new byte[] {0x00});
            }
        } catch (IOException | InterruptedException e) {
            // the client closed the connection: what the test waits for
        }
    }

    private void send(OutputStream out, byte[] bytes) throws IOException {
        if (websocket) {
            WebSocketFrames.write(out, true, WebSocketFrames.BINARY, bytes, 0, bytes.length);
        } else {
            out.write(bytes);
        }
        out.flush();
    }

    private static void discard(InputStream in) {
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // PINGREQs and SUBSCRIBEs go unanswered
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) client.close();
        io.shutdownNow();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
