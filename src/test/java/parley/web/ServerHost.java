package parley.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server host: the parley-server package installed (dpkg) on this machine, run in the host's network namespace
 * and, for what setup and certbot write, in a mount namespace of its own: /etc/parley-server, /var/lib/parley-server,
 * /var/log/parley-server and certbot's three folders are bind-mounted from a folder of the test, so the machine's own
 * stay untouched and the host's files outlive its processes (a crash keeps the disk).
 */
final class ServerHost {
    static final List<String> DISK = List.of("etc/parley-server", "var/lib/parley-server", "var/log/parley-server",
            "etc/letsencrypt", "var/lib/letsencrypt", "var/log/letsencrypt");
    private static final String MOUNT_AND_RUN = """
            disk=$1; shift
            for d in %s; do mount --bind "$disk/$d" "/$d" || exit 1; done
            exec "$@"
            """.formatted(String.join(" ", DISK));

    private final Hosts hosts;
    private final Path disk;
    private final Path acmeTlsCa;
    private final List<Path> mountPoints = new ArrayList<>();

    /** {@code acmeTlsCa}: the CA of the ACME server's own https (certbot trusts it through REQUESTS_CA_BUNDLE). */
    ServerHost(Hosts hosts, Path disk, Path acmeTlsCa) {
        this.hosts = hosts;
        this.disk = disk;
        this.acmeTlsCa = acmeTlsCa;
    }

    /** Installs the package the build made (its Depends checked by dpkg) and makes the host's folders. */
    void install() throws IOException {
        Path deb = Files.list(Path.of(System.getProperty("parley.buildDir", "target")))
                .filter(p -> p.getFileName().toString().matches("parley-server_.*_all\\.deb")).findFirst()
                .orElseThrow(() -> new AssertionError("no parley-server_*_all.deb in target/: run `mvn package` first"));
        Hosts.run(List.of("dpkg", "-i", deb.toString()));
        for (String d : DISK) {
            Files.createDirectories(disk.resolve(d));
            Path point = Path.of("/", d);
            if (!Files.isDirectory(point)) {
                Files.createDirectories(point);
                mountPoints.add(point);
            }
        }
    }

    /** Purges the package and removes the mount points this test made (the machine's own are left alone). */
    void uninstall() {
        Hosts.Result.of(List.of("dpkg", "--purge", "parley-server"), Map.of(), java.time.Duration.ofMinutes(2));
        for (Path p : mountPoints.reversed()) {
            p.toFile().delete();  // only if empty: a folder something else filled meanwhile stays
        }
    }

    /** {@code command} as run on the server host with its own disk. */
    List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "/bin/bash", "-c",
                MOUNT_AND_RUN, "server-host", disk.toString()));
        all.addAll(command);
        return hosts.on("server", all);
    }

    Hosts.Result run(String... command) {
        return Hosts.Result.of(command(List.of(command)), Map.of("REQUESTS_CA_BUNDLE", acmeTlsCa.toString()),
                java.time.Duration.ofMinutes(3));
    }

    /** A file of the host's disk, e.g. {@code etc/parley-server/tls/broker.key}. */
    Path file(String path) {
        return disk.resolve(path);
    }
}
