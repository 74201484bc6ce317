package parley.authz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side of the authz service, on the JDK's own server: {@code POST /auth/user|vhost|resource|topic}
 * with a form body, answered {@code allow} or {@code deny}. Anything it cannot read, an unknown path, a GET
 * or an error while deciding is a {@code deny}: the service fails closed.
 */
public final class AuthzServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuthzServer.class.getName());
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private AuthzServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code username}'s rules on {@code vhost} at {@code address} (port 0: any free port).
     *
     * @throws IOException when the address cannot be bound
     */
    public static AuthzServer start(InetSocketAddress address, String username, String vhost) throws IOException {
        var policy = new AuthzPolicy(username, vhost);
        var count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "parley-authz-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpServer server = HttpServer.create(address, 64);
        server.setExecutor(executor);
        var authz = new AuthzServer(server, executor);
        authz.route("/auth/user", policy::user);
        authz.route("/auth/vhost", policy::vhost);
        authz.route("/auth/resource", policy::resource);
        authz.route("/auth/topic", policy::topic);
        server.createContext("/", exchange -> authz.answer(exchange, Decision.deny("unknown path")));
        server.start();
        LOG.log(Level.INFO, "authz service for user {0} on vhost {1} listens on {2}", username, vhost,
                server.getAddress());
        return authz;
    }

    /** The bound address (its port, when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(String path, Function<Map<String, String>, Decision> question) {
        server.createContext(path, exchange -> {
            Decision decision;
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    decision = Decision.deny("unknown path");
                } else if (!exchange.getRequestMethod().equals("POST")) {
                    decision = Decision.deny(path + ": method " + exchange.getRequestMethod() + " (POST only)");
                } else {
                    Map<String, String> fields = FormBody.parse(readBody(exchange.getRequestBody()));
                    LOG.log(Level.TRACE, () -> path + " fields " + fields.keySet());
                    decision = question.apply(fields);
                }
            } catch (RuntimeException | IOException e) {
                decision = Decision.deny(path + ": unreadable request (" + e.getMessage() + ")");
            }
            answer(exchange, decision);
        });
    }

    private void answer(HttpExchange exchange, Decision decision) throws IOException {
        LOG.log(decision.allowed() ? Level.DEBUG : Level.INFO, () -> decision.body() + ": " + decision.reason());
        byte[] body = decision.body().getBytes(StandardCharsets.US_ASCII);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(FormBody.MAX_BYTES + 1);
        if (body.length > FormBody.MAX_BYTES) throw new IOException("request body too large");
        return body;
    }
}
