package parley.testing;

import java.time.Duration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Mosquitto + nginx stack for integration tests, started by {@code scripts/stack} in a fresh temporary
 * state dir with freshly generated TLS material and free loopback ports. Fails loudly, with the script's
 * output, when it cannot start: tests never skip for a missing broker.
 */
public final class BrokerStack implements AutoCloseable, TestBroker {

    /** Which certificate the servers present. */
    public enum ServerCertificate {
        /** Signed by the dev CA ({@link #caFile()}) for localhost, 127.0.0.1 and ::1. */
        LOCALHOST("server"),
        /** Signed by the dev CA, but for DNS:wrong.example only: hostname verification must reject it. */
        WRONG_HOST("wrong-host"),
        /** For localhost, but signed by an unrelated CA ({@link #otherCaFile()}): untrusted by the dev CA. */
        UNRELATED_CA("other-server");

        final String scriptName;

        ServerCertificate(String scriptName) {
            this.scriptName = scriptName;
        }
    }

    /** Stack settings; {@link #defaults()} matches {@code scripts/stack}'s own defaults. */
    /** {@code webRoot}: the folder nginx serves, else scripts/stack's default (the built client). */
    public record Options(int maxQueuedMessages, int messageSizeLimit, ServerCertificate serverCertificate,
            java.util.Optional<Path> webRoot, int maxConnections) {
        public Options {
            if (maxQueuedMessages < 1) throw new IllegalArgumentException("maxQueuedMessages must be >= 1");
            if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1");
            if (messageSizeLimit < 0) throw new IllegalArgumentException("messageSizeLimit must be >= 0");
        }

        public static Options defaults() {
            return new Options(1000, 262_144, ServerCertificate.LOCALHOST, java.util.Optional.empty(), 1000);
        }

        public Options withMaxQueuedMessages(int n) {
            return new Options(n, messageSizeLimit, serverCertificate, webRoot, maxConnections);
        }

        public Options withMessageSizeLimit(int bytes) {
            return new Options(maxQueuedMessages, bytes, serverCertificate, webRoot, maxConnections);
        }

        public Options withServerCertificate(ServerCertificate certificate) {
            return new Options(maxQueuedMessages, messageSizeLimit, certificate, webRoot, maxConnections);
        }

        public Options withWebRoot(Path folder) {
            return new Options(maxQueuedMessages, messageSizeLimit, serverCertificate, java.util.Optional.of(folder),
                    maxConnections);
        }

        /** Mosquitto's max_connections per listener (the shipped 1,000 is too few for one process of 1,000 chats). */
        public Options withMaxConnections(int n) {
            return new Options(maxQueuedMessages, messageSizeLimit, serverCertificate, webRoot, n);
        }
    }

    private static final int START_ATTEMPTS = 3;

    private final Path repo;
    private final Path stateDir;
    private final int mqttsPort;
    private final int httpsPort;
    private boolean closed;

    private BrokerStack(Path repo, Path stateDir, int mqttsPort, int httpsPort) {
        this.repo = repo;
        this.stateDir = stateDir;
        this.mqttsPort = mqttsPort;
        this.httpsPort = httpsPort;
    }

    public static BrokerStack start() {
        return start(Options.defaults());
    }

    /** Starts a stack; retries with other ports when a chosen port was taken meanwhile. */
    public static BrokerStack start(Options options) {
        Path repo = repo();
        StringBuilder failures = new StringBuilder();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path stateDir;
            try {
                stateDir = Files.createTempDirectory("parley-stack-");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary state dir", e);
            }
            int[] ports = freePorts(3);
            var stack = new BrokerStack(repo, stateDir, ports[0], ports[2]);
            List<String> args = new ArrayList<>(List.of(
                    "--mqtts-port", Integer.toString(ports[0]),
                    "--ws-port", Integer.toString(ports[1]),
                    "--https-port", Integer.toString(ports[2]),
                    "--max-queued", Integer.toString(options.maxQueuedMessages()),
                    "--message-size-limit", Integer.toString(options.messageSizeLimit()),
                    "--max-connections", Integer.toString(options.maxConnections()),
                    "--server-cert", options.serverCertificate().scriptName,
                    "--keys", stateDir.resolve("keys").toString()));
            options.webRoot().ifPresent(root -> args.addAll(List.of("--web-root", root.toString())));
            ScriptResult result = stack.run("start", args.toArray(String[]::new));
            if (result.exitCode() == 0) return stack;
            stack.run("stop");
            failures.append("attempt ").append(attempt).append(": ").append(result).append('\n');
            if (!result.output().contains("already in use")) break;
        }
        throw new IllegalStateException("scripts/stack could not start the broker stack (Mosquitto + nginx):\n"
                + failures);
    }

    @Override
    public URI mqttsUri() {
        return URI.create("mqtts://localhost:" + mqttsPort);
    }

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public int nodes() {
        return 1;
    }

    @Override
    public URI mqttsUri(int node) {
        if (node != 1) throw new IllegalArgumentException("Mosquitto has one node, not " + node);
        return mqttsUri();
    }

    @Override
    public URI wssUri(int node) {
        if (node != 1) throw new IllegalArgumentException("Mosquitto has one node, not " + node);
        return wssUri();
    }

    @Override
    public java.util.Optional<Credentials> credentials() {
        return java.util.Optional.empty();
    }

    @Override
    public URI wssUri() {
        return URI.create("wss://localhost:" + httpsPort + "/mqtt");
    }

    public URI httpsUri() {
        return URI.create("https://localhost:" + httpsPort + "/");
    }

    public int mqttsPort() {
        return mqttsPort;
    }

    /** The dev CA that signed the servers' certificate (unless {@link ServerCertificate#UNRELATED_CA}). */
    @Override
    public Path caFile() {
        return keysDir().resolve("ca.pem");
    }

    /** A CA that signed nothing this stack serves by default: trusting only it must fail. */
    public Path otherCaFile() {
        return keysDir().resolve("other-ca.pem");
    }

    /** This stack's freshly generated TLS material (see keys/README.md for the files). */
    public Path keysDir() {
        return stateDir.resolve("keys");
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Mosquitto's log, for failure messages. */
    public Path brokerLog() {
        return stateDir.resolve("mosquitto/mosquitto.log");
    }

    /** SIGTERM: Mosquitto saves its sessions and queued messages, then exits. */
    public void stopBroker() {
        runOrFail("stop-broker");
    }

    public void startBroker() {
        runOrFail("start-broker");
    }

    public void restartBroker() {
        stopBroker();
        startBroker();
    }

    /** SIGKILL: a crash; what came since the last autosave is lost. */
    public void killBroker() {
        runOrFail("kill-broker");
    }

    /** Stops Mosquitto and nginx (exactly the processes this stack started). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        runOrFail("stop");
    }

    @Override
    public String toString() {
        return "BrokerStack[" + mqttsUri() + ", " + wssUri() + ", state " + stateDir + "]";
    }

    private void runOrFail(String command) {
        ScriptResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("scripts/stack " + command + " failed: " + result);
        }
    }

    private ScriptResult run(String command, String... options) {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("scripts/stack").toString(), command,
                "--dir", stateDir.toString()));
        cmd.addAll(List.of(options));
        return ScriptResult.run(new ProcessBuilder(cmd), Duration.ofSeconds(60));
    }


    private static Path repo() {
        String repo = System.getProperty("parley.repo");
        if (repo == null) {
            throw new IllegalStateException("system property parley.repo is not set (the pom sets it for tests)");
        }
        Path path = Path.of(repo);
        if (!Files.isRegularFile(path.resolve("scripts/stack"))) {
            throw new IllegalStateException("no scripts/stack under parley.repo=" + repo);
        }
        return path;
    }

    private static int[] freePorts(int count) {
        // held open together so that the ports differ; a race with another process is retried by start()
        var sockets = new ArrayList<ServerSocket>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("cannot find free loopback ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a failed close of a probe socket leaves nothing to clean up
                }
            }
        }
    }
}
