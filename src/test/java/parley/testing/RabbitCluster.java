package parley.testing;

import java.time.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real 3-node RabbitMQ cluster for integration tests, started by {@code scripts/cluster} in a fresh state dir
 * with fresh TLS material and its own ports below 32768, plus a {@link TcpBalancer} per protocol in front of the
 * nodes (the URL a user's profile names). Fails loudly with the script's output when it cannot start.
 */
public final class RabbitCluster implements TestBroker, AutoCloseable {
    public static final int NODES = 3;
    private static final int START_ATTEMPTS = 3;
    private static final Pattern QUEUE_NODE =
            Pattern.compile("^mqtt-subscription-(\\S+)qos1\\t<parley-(\\d)@localhost[^>]*>", Pattern.MULTILINE);

    private final Path repo;
    private final Path stateDir;
    private final int basePort;
    private final Credentials credentials;
    private final TcpBalancer mqttsBalancer;
    private final TcpBalancer wssBalancer;
    private boolean closed;

    private RabbitCluster(Path repo, Path stateDir, int basePort) {
        this.repo = repo;
        this.stateDir = stateDir;
        this.basePort = basePort;
        this.credentials = readCredentials(stateDir.resolve("credentials"));
        this.mqttsBalancer = new TcpBalancer(List.of(port(1, 0), port(2, 0), port(3, 0)));
        this.wssBalancer = new TcpBalancer(List.of(port(1, 1), port(2, 1), port(3, 1)));
    }

    /** Boots the three nodes (about 30-90 s); retries on other ports when a port was taken meanwhile. */
    public static RabbitCluster start() {
        Path repo = Path.of(System.getProperty("parley.repo", "."));
        if (!Files.isRegularFile(repo.resolve("scripts/cluster"))) {
            throw new IllegalStateException("no scripts/cluster under parley.repo=" + repo);
        }
        String classes = Path.of(System.getProperty("parley.buildDir", repo.resolve("target").toString()), "classes")
                .toString();
        StringBuilder failures = new StringBuilder();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path stateDir;
            try {
                stateDir = Files.createTempDirectory("parley-cluster-");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary state dir", e);
            }
            int base = freeBasePort();
            ScriptResult result = run(repo, stateDir, "start", "--base-port", Integer.toString(base),
                    "--keys", stateDir.resolve("keys").toString(), "--authz-classes", classes);
            if (result.exitCode() == 0) return new RabbitCluster(repo, stateDir, base);
            run(repo, stateDir, "stop");
            failures.append("attempt ").append(attempt).append(": ").append(result).append('\n');
            if (!result.output().contains("already in use") && !result.output().contains("eaddrinuse")) break;
        }
        throw new IllegalStateException("scripts/cluster could not start the RabbitMQ cluster:\n" + failures);
    }

    /** scripts/cluster's port layout: node i, offset 0 mqtts, 1 wss, 2 ws, 3 distribution, 4 authz. */
    public int port(int node, int offset) {
        checkNode(node);
        return basePort + 10 * (node - 1) + offset;
    }

    @Override
    public String name() {
        return "rabbitmq cluster";
    }

    @Override
    public int nodes() {
        return NODES;
    }

    @Override
    public URI mqttsUri(int node) {
        return URI.create("mqtts://localhost:" + port(node, 0));
    }

    @Override
    public URI wssUri(int node) {
        return URI.create("wss://localhost:" + port(node, 1) + "/mqtt");
    }

    @Override
    public URI mqttsUri() {
        return URI.create("mqtts://localhost:" + mqttsBalancer.port());
    }

    @Override
    public URI wssUri() {
        return URI.create("wss://localhost:" + wssBalancer.port() + "/mqtt");
    }

    @Override
    public Path caFile() {
        return stateDir.resolve("ca.pem");
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.of(credentials);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** SIGKILL of node {@code node}'s Erlang VM: a crash. */
    public void killNode(int node) {
        runOrFail("kill-node", Integer.toString(node));
    }

    /** Boots node {@code node} again; it rejoins the cluster. */
    public void startNode(int node) {
        runOrFail("start-node", Integer.toString(node));
    }

    public void stopAuthz(int node) {
        runOrFail("stop-authz", Integer.toString(node));
    }

    public void startAuthz(int node) {
        runOrFail("start-authz", Integer.toString(node));
    }

    /** Which node holds the session queue (the mirrored queue's master) of each MQTT client id. */
    public Map<String, Integer> sessionNodes() {
        ScriptResult result = ctl(1, "list_queues", "-p", "parley", "name", "pid");
        Map<String, Integer> nodes = new HashMap<>();
        Matcher m = QUEUE_NODE.matcher(result.output());
        while (m.find()) nodes.put(m.group(1), Integer.parseInt(m.group(2)));
        return nodes;
    }

    /** The session node of one client id, waiting up to 10 s for its queue to appear. */
    public int sessionNode(String clientId) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Integer node = sessionNodes().get(clientId);
            if (node != null) return node;
            sleep(200);
        }
        throw new AssertionError("no session queue for client id " + clientId.substring(0, 6) + "… in the cluster");
    }

    /** Runs {@code rabbitmqctl} against a running node (node 1 when killed nodes are not involved). */
    public ScriptResult ctl(int node, String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/lib/rabbitmq/bin/rabbitmqctl", "-q", "-n",
                "parley-" + node + "@localhost"));
        cmd.addAll(List.of(args));
        var builder = new ProcessBuilder(cmd);
        builder.environment().put("HOME", stateDir.resolve("home").toString());
        builder.environment().put("ERL_EPMD_PORT", Integer.toString(basePort + 30));
        return ScriptResult.run(builder, Duration.ofSeconds(300));
    }

    /** A node's RSS in KiB (its Erlang VM, from /proc). */
    public long rssKib(int node) {
        try {
            String pid = Files.readString(stateDir.resolve("node-" + node + "/rabbitmq.pid")).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
            throw new IllegalStateException("no VmRSS for node " + node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read node " + node + "'s memory", e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        mqttsBalancer.close();
        wssBalancer.close();
        runOrFail("stop");
    }

    @Override
    public String toString() {
        return "RabbitCluster[base port " + basePort + ", state " + stateDir + "]";
    }

    private void runOrFail(String... args) {
        ScriptResult result = run(repo, stateDir, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("scripts/cluster " + String.join(" ", args) + " failed: " + result);
        }
    }

    private static ScriptResult run(Path repo, Path stateDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("scripts/cluster").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--dir", stateDir.toString()));
        return ScriptResult.run(new ProcessBuilder(cmd), Duration.ofSeconds(300));
    }


    private static Credentials readCredentials(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) values.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return new Credentials(values.get("username"), values.get("password"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the cluster's credentials " + file, e);
        }
    }

    /** A base port whose 31 ports are free now, below the ephemeral range (a port in it may be taken meanwhile, failing the boot with eaddrinuse). */
    private static int freeBasePort() {
        for (int tries = 0; tries < 50; tries++) {
            int base = 10_000 + 100 * ThreadLocalRandom.current().nextInt(200);
            if (allFree(base, 31)) return base;
        }
        throw new IllegalStateException("no free block of 31 ports between 10000 and 30000 on loopback");
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (var socket = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private void checkNode(int node) {
        if (node < 1 || node > NODES) throw new IllegalArgumentException("node must be 1.." + NODES + ", not " + node);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
