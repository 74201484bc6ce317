package parley.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback, as a deployment puts in front of the cluster's nodes (docs/scaling.md): each
 * new connection goes to the next node in turn, skipping nodes that refuse; TLS passes through untouched, so the
 * client still verifies the node's certificate. It lets one broker URL in an invite reach every node, and a
 * client whose node died reconnect to another one.
 */
public final class TcpBalancer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> targets;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Balances over the loopback {@code targetPorts}. */
    public TcpBalancer(List<Integer> targetPorts) {
        this.targets = List.copyOf(targetPorts);
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the balancer's port", e);
        }
        Thread.ofVirtual().name("balancer-accept-" + port()).start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                if (!closed) System.err.println("balancer " + port() + ": accept failed: " + e);
            }
        }
    }

    private void forward(Socket client) {
        int first = Math.floorMod(next.getAndIncrement(), targets.size());
        for (int i = 0; i < targets.size(); i++) {
            int target = targets.get((first + i) % targets.size());
            Socket upstream = new Socket();
            try {
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
            } catch (IOException refused) {
                quietly(upstream);
                continue; // that node is down: the next one
            }
            open.add(client);
            open.add(upstream);
            SocketPump.both(client, upstream, open);
            return;
        }
        quietly(client);
    }

    private void quietly(Socket socket) {
        SocketPump.close(socket, open);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing the listening socket
        }
        for (Socket socket : Set.copyOf(open)) quietly(socket);
    }
}
