package parley.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's pebble (Let's Encrypt's test CA) on the acme host: the ACME directory on :14000 and its management
 * interface on :15000 (the roots and intermediates it issues under, fresh at every start), over https with a
 * certificate for acme.parley.test from a CA made here. It validates HTTP-01 on port 80 of the name asked for, as
 * Let's Encrypt does, and it does so for real (no always-valid switch); only its random sleeps and nonce rejections
 * are off, which change nothing but the time.
 */
final class Pebble implements AutoCloseable {
    private final Hosts hosts;
    private final Path dir;
    private final Process process;

    private Pebble(Hosts hosts, Path dir, Process process) {
        this.hosts = hosts;
        this.dir = dir;
        this.process = process;
    }

    static Pebble start(Hosts hosts, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path ca = dir.resolve("tls-ca.pem");
        Hosts.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "1", "-subj", "/CN=Parley test ACME server CA", "-keyout", dir.resolve("tls-ca.key").toString(),
                "-out", ca.toString()));
        Hosts.run(List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                "/CN=acme.parley.test", "-keyout", dir.resolve("wfe.key").toString(), "-out",
                dir.resolve("wfe.csr").toString()));
        Path ext = Files.writeString(dir.resolve("wfe.ext"),
                "subjectAltName=DNS:acme.parley.test\nextendedKeyUsage=serverAuth\n");
        Hosts.run(List.of("openssl", "x509", "-req", "-in", dir.resolve("wfe.csr").toString(), "-CA", ca.toString(),
                "-CAkey", dir.resolve("tls-ca.key").toString(), "-CAcreateserial", "-days", "1", "-extfile",
                ext.toString(), "-out", dir.resolve("wfe.pem").toString()));
        Path config = Files.writeString(dir.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "0.0.0.0:14000", "managementListenAddress": "0.0.0.0:15000",
                  "certificate": "%s", "privateKey": "%s", "httpPort": 80, "tlsPort": 443,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(dir.resolve("wfe.pem"), dir.resolve("wfe.key")));
        ProcessBuilder builder = new ProcessBuilder(hosts.on("acme", List.of("/usr/bin/pebble", "-config",
                config.toString()))).redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().putAll(Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0"));
        return new Pebble(hosts, dir, builder.start());
    }

    static String directory() {
        return "https://acme.parley.test:14000/dir";
    }

    Path tlsCa() {
        return dir.resolve("tls-ca.pem");
    }

    /**
     * Fetches what pebble issues under, as a client host would from its management interface: {@code roots/0} or
     * {@code intermediates/0}. Waits until it serves (it makes its keys at start).
     */
    Path fetch(String from, String what) throws IOException {
        Path out = dir.resolve(what.replace('/', '-') + ".pem");
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Hosts.Result r;
        do {
            r = Hosts.Result.of(hosts.on(from, List.of("curl", "-sf", "--cacert", tlsCa().toString(), "-o", out.toString(),
                    "https://acme.parley.test:15000/" + what)), Map.of(), Duration.ofSeconds(30));
            if (r.code() == 0) {
                return out;
            }
            if (!process.isAlive()) {
                throw new AssertionError("pebble exited: " + Files.readString(dir.resolve("pebble.log")));
            }
            sleep();
        } while (System.nanoTime() < end);
        throw new AssertionError("pebble's " + what + " did not come within 90 s: " + r.out() + "\n"
                + Files.readString(dir.resolve("pebble.log")));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
