package parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Set;

/** Relays bytes both ways between two connected sockets until either side closes, then closes both. */
final class SocketPump {
    private SocketPump() {}

    /** Blocks while relaying (one direction on a virtual thread); both sockets leave {@code open} when done. */
    static void both(Socket client, Socket upstream, Set<Socket> open) {
        Thread.ofVirtual().start(() -> one(upstream, client, open));
        one(client, upstream, open);
    }

    static void close(Socket socket, Set<Socket> open) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private static void one(Socket from, Socket to, Set<Socket> open) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: close both below
        } finally {
            close(from, open);
            close(to, open);
        }
    }
}
