package parley.transport.wss;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS websocket server written for these tests that relays MQTT bytes to a real broker and, on the way back,
 * behaves like libwebsockets at its most awkward (see {@link RelayBehaviour}): PINGs, fragmented messages with
 * control frames between the fragments, PONGs nobody asked for.
 */
final class FragmentingRelay implements AutoCloseable {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final int brokerPort;
    private final RelayBehaviour behaviour;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    final AtomicInteger pingsSent = new AtomicInteger();
    final AtomicInteger pongsForOurPings = new AtomicInteger();
    final AtomicInteger fragmentedMessages = new AtomicInteger();

    private FragmentingRelay(ServerSocket server, int brokerPort, RelayBehaviour behaviour) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.behaviour = behaviour;
    }

    static FragmentingRelay start(SSLContext serverContext, int brokerPort, RelayBehaviour behaviour)
            throws IOException {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FragmentingRelay relay = new FragmentingRelay(server, brokerPort, behaviour);
        relay.io.submit(relay::acceptLoop);
        return relay;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends every client a close frame (1001, going away) and stops relaying; the TCP connection stays open. */
    void closeAllClients() throws IOException {
        for (Connection connection : connections) {
            connection.sendClose(1001);
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(Connection::close);
        pinger.shutdownNow();
        io.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                io.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            String key = handshakeKey(in);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            broker.setTcpNoDelay(true);
            Connection connection = new Connection(client, broker);
            connections.add(connection);
            io.submit(connection::brokerToClient);
            if (behaviour.firstPing() != null) {
                connection.pings = pinger.scheduleAtFixedRate(connection::ping, behaviour.firstPing().toMillis(),
                        behaviour.pingEvery().toMillis(), TimeUnit.MILLISECONDS);
            }
            connection.clientToBroker(new DataInputStream(in));
        } catch (IOException e) {
            // TLS refused by the client, or the peer went away: the test asserts on the client side
            closeQuietly(client);
        }
    }

    static String handshakeKey(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0 || head.size() > 16384) {
                throw new IOException("no complete websocket handshake request");
            }
            head.write(b);
        }
        String key = null;
        boolean mqtt = false;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("sec-websocket-key")) {
                key = value;
            } else if (name.equals("sec-websocket-protocol")) {
                mqtt = List.of(value.split("\\s*,\\s*")).contains("mqtt");
            }
        }
        if (key == null || !mqtt) {
            throw new IOException("handshake without key or without the mqtt subprotocol:\n" + head);
        }
        return key;
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** One relayed client: its websocket and its own TCP connection to the broker. */
    private final class Connection {
        private final Socket client;
        private final Socket broker;
        private final OutputStream toClient;
        private boolean closeSent;
        private int messages;
        volatile ScheduledFuture<?> pings;

        Connection(Socket client, Socket broker) throws IOException {
            this.client = client;
            this.broker = broker;
            this.toClient = client.getOutputStream();
        }

        void clientToBroker(DataInputStream in) {
            try (OutputStream toBroker = broker.getOutputStream()) {
                while (true) {
                    WebSocketFrames.Frame frame = WebSocketFrames.read(in);
                    switch (frame.opcode()) {
                        case WebSocketFrames.BINARY, WebSocketFrames.CONTINUATION -> {
                            toBroker.write(frame.payload());
                            toBroker.flush();
                        }
                        case WebSocketFrames.PING -> send(WebSocketFrames.PONG, frame.payload());
                        case WebSocketFrames.PONG -> {
                            if (new String(frame.payload(), StandardCharsets.US_ASCII).startsWith("ping-")) {
                                pongsForOurPings.incrementAndGet();
                            }
                        }
                        case WebSocketFrames.CLOSE -> {
                            sendClose(1000);
                            close();
                            return;
                        }
                        default -> {
                            sendClose(1003);
                            close();
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                close();
            }
        }

        void brokerToClient() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream fromBroker = broker.getInputStream()) {
                int n;
                while ((n = fromBroker.read(buffer)) > 0) {
                    sendMessage(buffer, n);
                }
                sendClose(1001);
            } catch (IOException e) {
                close();
            }
        }

        // Control frames may be sent between the fragments: each frame is written on its own.
        private void sendMessage(byte[] data, int length) throws IOException {
            int parts = behaviour.fragments() == 1 ? 1 : 2 + (messages++ % (behaviour.fragments() - 1));
            if (parts > 1) {
                fragmentedMessages.incrementAndGet();
            }
            int start = 0;
            for (int i = 1; i <= parts; i++) {
                int end = length * i / parts;
                int opcode = i == 1 ? WebSocketFrames.BINARY : WebSocketFrames.CONTINUATION;
                synchronized (this) {
                    if (closeSent) {
                        return;
                    }
                    WebSocketFrames.write(toClient, i == parts, opcode, data, start, end - start);
                }
                start = end;
            }
        }

        void ping() {
            try {
                int n = pingsSent.incrementAndGet();
                send(WebSocketFrames.PING, ("ping-" + n).getBytes(StandardCharsets.US_ASCII));
                if (behaviour.unsolicitedPongs() && n % 3 == 0) {
                    send(WebSocketFrames.PONG, "unsolicited".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                close();
            }
        }

        synchronized void send(int opcode, byte[] payload) throws IOException {
            if (!closeSent) {
                WebSocketFrames.write(toClient, true, opcode, payload, 0, payload.length);
            }
        }

        synchronized void sendClose(int code) throws IOException {
            if (!closeSent) {
                WebSocketFrames.write(toClient, true, WebSocketFrames.CLOSE, new byte[] {(byte) (code >>> 8),
                        (byte) code}, 0, 2);
                closeSent = true;
            }
        }

        void close() {
            ScheduledFuture<?> scheduled = pings;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            closeQuietly(client);
            closeQuietly(broker);
        }
    }
}
