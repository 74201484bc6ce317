package parley.authz;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the authz service until the process is stopped:
 * {@code java -m parley/parley.authz.AuthzMain --port N [--bind 127.0.0.1] --user U --vhost V}.
 * It listens on loopback by default: it belongs next to its RabbitMQ node, never on the network.
 */
public final class AuthzMain {
    private static final System.Logger LOG = System.getLogger(AuthzMain.class.getName());

    private AuthzMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("parley authz: " + e.getMessage());
            System.err.println("usage: AuthzMain --port N [--bind ADDRESS] --user USER --vhost VHOST");
            System.exit(2);
            return;
        }
        AuthzServer server;
        try {
            server = AuthzServer.start(new InetSocketAddress(options.bind(), options.port()), options.user(),
                    options.vhost());
        } catch (IOException e) {
            System.err.println("parley authz: cannot listen on " + options.bind().getHostAddress() + ":"
                    + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LOG.log(Level.INFO, "authz service stopped");
            stopped.countDown();
        }, "parley-authz-shutdown"));
        stopped.await();
    }

    /** The command line. */
    record Options(InetAddress bind, int port, String user, String vhost) {
        static Options parse(String[] args) {
            InetAddress bind = InetAddress.getLoopbackAddress();
            Integer port = null;
            String user = null;
            String vhost = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("option " + args[i] + " needs a value");
                String value = args[i + 1];
                switch (args[i]) {
                    case "--port" -> port = port(value);
                    case "--bind" -> bind = address(value);
                    case "--user" -> user = value;
                    case "--vhost" -> vhost = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port == null) throw new IllegalArgumentException("--port is required");
            if (user == null || user.isEmpty()) throw new IllegalArgumentException("--user is required");
            if (vhost == null || vhost.isEmpty()) throw new IllegalArgumentException("--vhost is required");
            return new Options(bind, port, user, vhost);
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) return port;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--port must be 1..65535, got '" + value + "'");
        }

        private static InetAddress address(String value) {
            try {
                return InetAddress.getByName(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
            }
        }
    }
}
