package parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Another broker than the user's own, for tests of what an invite naming it gets: its own address
 * ({@value #HOST}, another name than the stack's {@code localhost}), its own port and its own certificate for that
 * name, in front of the stack's real Mosquitto. It terminates TLS, records every MQTT CONNECT a client sends (client
 * id, and the username and password if any), then relays that client to Mosquitto over TLS, so chats through it
 * work for real. A client that refuses its certificate is counted.
 */
public final class RecordingFront implements TestBroker, AutoCloseable {
    /** An address of this machine's loopback that is not the stack's name for it. */
    public static final String HOST = "127.0.0.2";

    /** Who signs the front's certificate. */
    public enum Issuer {
        /** A CA of its own, made for the test: trusted only where a test adds it (say, to the JVM's roots). */
        OWN_CA,
        /** The stack's CA: what a profile that names the stack as its broker trusts, and nothing else should. */
        STACK_CA
    }

    /** One CONNECT as the front received it. */
    public record Connect(String clientId, Optional<String> username, Optional<String> password) {
        public boolean carriesLogin() {
            return username.isPresent() || password.isPresent();
        }

        @Override
        public String toString() {
            return "Connect[" + clientId.substring(0, Math.min(6, clientId.length())) + "…, user="
                    + username.orElse("-") + ", password=" + (password.isPresent() ? "yes" : "no") + "]";
        }
    }

    private final BrokerStack upstream;
    private final Path caFile;
    private final Optional<Credentials> credentials;
    private final SSLServerSocket server;
    private final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedHandshakes = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RecordingFront(BrokerStack upstream, Path caFile, Optional<Credentials> credentials,
                           SSLServerSocket server) {
        this.upstream = upstream;
        this.caFile = caFile;
        this.credentials = credentials;
        this.server = server;
        Thread.ofVirtual().name("front-accept-" + port()).start(this::acceptLoop);
    }

    /**
     * Starts a front for {@code stack}, its certificate (for IP {@value #HOST}) made by openssl in {@code dir};
     * {@code login} is what the profile of a user whose own broker this is sends (see {@link #credentials()}).
     */
    public static RecordingFront start(BrokerStack stack, Path dir, Issuer issuer, Optional<Credentials> login) {
        try {
            TestPki pki = new TestPki(dir);
            String ca = switch (issuer) {
                case OWN_CA -> {
                    pki.createCa("front-ca");
                    yield "front-ca";
                }
                case STACK_CA -> {
                    Files.copy(stack.keysDir().resolve("ca.pem"), dir.resolve("stack-ca.pem"));
                    Files.copy(stack.keysDir().resolve("ca.key"), dir.resolve("stack-ca.key"));
                    yield "stack-ca";
                }
            };
            pki.createServer("front", ca, "IP:" + HOST);
            SSLServerSocket server = (SSLServerSocket) pki.serverContext("front").getServerSocketFactory()
                    .createServerSocket(0, 100, InetAddress.getByName(HOST));
            return new RecordingFront(stack, dir.resolve(ca + ".pem"), login, server);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the recording front: " + e.getMessage(), e);
        }
    }

    /** Every CONNECT so far, in arrival order. */
    public List<Connect> connects() {
        return List.copyOf(connects);
    }

    /** Clients whose TLS handshake failed (say, because they did not trust the front's certificate). */
    public int refusedHandshakes() {
        return refusedHandshakes.get();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public String name() {
        return "recording front " + HOST + ":" + port();
    }

    @Override
    public int nodes() {
        return 1;
    }

    @Override
    public URI mqttsUri(int node) {
        return mqttsUri();
    }

    @Override
    public URI wssUri(int node) {
        return wssUri();
    }

    @Override
    public URI mqttsUri() {
        return URI.create("mqtts://" + HOST + ":" + port());
    }

    /** The front speaks mqtts only. */
    @Override
    public URI wssUri() {
        throw new UnsupportedOperationException("the recording front speaks mqtts only");
    }

    /** The CA that signed the front's certificate. */
    @Override
    public Path caFile() {
        return caFile;
    }

    @Override
    public Optional<Credentials> credentials() {
        return credentials;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve((SSLSocket) client));
            } catch (IOException e) {
                if (!closed) System.err.println(name() + ": accept failed: " + e);
            }
        }
    }

    private void serve(SSLSocket client) {
        try {
            client.setTcpNoDelay(true);
            client.startHandshake();
        } catch (IOException e) {
            refusedHandshakes.incrementAndGet();
            quietly(client);
            return;
        }
        try {
            byte[] connect = readPacket(client.getInputStream());
            connects.add(parseConnect(connect));
            SSLSocket broker = (SSLSocket) TestTls.trusting(upstream.caFile()).getSocketFactory().createSocket();
            open.add(broker);
            SSLParameters parameters = broker.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            broker.setSSLParameters(parameters);
            broker.setTcpNoDelay(true);
            broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.mqttsPort()), 5000);
            broker.getOutputStream().write(connect);
            broker.getOutputStream().flush();
            SocketPump.both(client, broker, open);
        } catch (IOException | RuntimeException e) {
            quietly(client);
        }
    }

    /** One MQTT control packet: the fixed header, the remaining length (1 to 4 bytes) and that many bytes. */
    private static byte[] readPacket(InputStream in) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        int type = in.read();
        if (type < 0) throw new EOFException("closed before a packet");
        packet.write(type);
        int length = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = in.read();
            if (b < 0 || i == 4) throw new IOException("bad remaining length");
            packet.write(b);
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        packet.write(new DataInputStream(in).readNBytes(length));
        return packet.toByteArray();
    }

    /** MQTT 3.1.1 section 3.1: protocol name, level, flags, keep-alive; client id, will, username, password. */
    private static Connect parseConnect(byte[] packet) throws IOException {
        if ((packet[0] & 0xF0) != 0x10) throw new IOException("the first packet is not a CONNECT");
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(packet));
        in.readByte();
        while ((in.readByte() & 0x80) != 0) {
            // the remaining length, already read
        }
        in.readNBytes(in.readUnsignedShort()); // "MQTT"
        in.readByte(); // level
        int flags = in.readUnsignedByte();
        in.readUnsignedShort(); // keep-alive
        String clientId = string(in);
        if ((flags & 0x04) != 0) {
            string(in); // will topic
            string(in); // will message
        }
        Optional<String> username = (flags & 0x80) != 0 ? Optional.of(string(in)) : Optional.empty();
        Optional<String> password = (flags & 0x40) != 0 ? Optional.of(string(in)) : Optional.empty();
        return new Connect(clientId, username, password);
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
    }

    private void quietly(Socket socket) {
        SocketPump.close(socket, open);
    }

    @Override
    public void close() {
        closed = true;
        quietly(server);
        for (Socket socket : Set.copyOf(open)) quietly(socket);
    }

    private void quietly(SSLServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing the listening socket
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
