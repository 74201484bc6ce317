package parley.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Hosts made of Linux network namespaces: each one a namespace with one veth into a bridge that lives in a namespace of
 * its own, on 10.99.0.0/24, with no route anywhere else (nothing reaches an address outside). Names resolve through
 * each host's own hosts file ({@code /etc/netns/NS/hosts}, which {@code ip netns exec} mounts over /etc/hosts). Each
 * run has a unique prefix, so a run left behind by a killed JVM never collides with the next one.
 */
final class Hosts implements AutoCloseable {
    private static final Duration COMMAND = Duration.ofMinutes(2);

    private final String prefix;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();

    private Hosts(String prefix) {
        this.prefix = prefix;
    }

    /** Hosts named {@code names}, each with the DNS name {@code NAME.parley.test} (the first is .2, and so on). */
    static Hosts create(List<String> names) {
        requireRootAndPrograms();
        Hosts hosts = new Hosts("pl" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
        try {
            hosts.build(names);
            return hosts;
        } catch (RuntimeException | Error e) {
            hosts.close();
            throw e;
        }
    }

    private void build(List<String> names) {
        String bridge = addNamespace("net");
        run(List.of("ip", "-n", bridge, "link", "add", "br0", "type", "bridge"));
        run(List.of("ip", "-n", bridge, "link", "set", "br0", "up"));
        int octet = 2;
        for (String name : names) {
            addresses.put(name, "10.99.0." + octet++);
        }
        String hostsFile = "127.0.0.1 localhost\n" + addresses.entrySet().stream()
                .map(e -> e.getValue() + " " + dnsName(e.getKey())).collect(Collectors.joining("\n")) + "\n";
        for (String name : names) {
            String ns = addNamespace(name);
            String outer = prefix + name;  // the bridge's end, named after the host (at most 15 characters)
            run(List.of("ip", "link", "add", outer, "type", "veth", "peer", "name", "eth0", "netns", ns));
            run(List.of("ip", "link", "set", outer, "netns", bridge));
            run(List.of("ip", "-n", bridge, "link", "set", outer, "master", "br0", "up"));
            run(List.of("ip", "-n", ns, "addr", "add", addresses.get(name) + "/24", "dev", "eth0"));
            run(List.of("ip", "-n", ns, "link", "set", "eth0", "up"));
            try {
                Path etc = Path.of("/etc/netns", ns);
                Files.createDirectories(etc);
                Files.writeString(etc.resolve("hosts"), hostsFile);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the hosts file of " + ns, e);
            }
        }
    }

    private String addNamespace(String name) {
        String ns = namespace(name);
        run(List.of("ip", "netns", "add", ns));
        namespaces.add(ns);
        run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
        return ns;
    }

    static String dnsName(String host) {
        return host.equals("server") ? "chat.parley.test" : host + ".parley.test";
    }

    String namespace(String host) {
        return prefix + "-" + host;
    }

    String address(String host) {
        return addresses.get(host);
    }

    /** {@code command} as run on {@code host}. */
    List<String> on(String host, List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        all.addAll(command);
        return all;
    }

    /** SIGKILLs every process on {@code host} (a crash or a pulled plug); returns how many there were. */
    int killAll(String host) {
        int killed = 0;
        for (int round = 0; round < 50; round++) {
            List<Long> pids = pids(host);
            if (pids.isEmpty()) {
                return killed;
            }
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                killed++;
            }
            sleep(100);
        }
        throw new IllegalStateException("processes on " + host + " survive SIGKILL: " + pids(host));
    }

    List<Long> pids(String host) {
        Result r = Result.of(List.of("ip", "netns", "pids", namespace(host)), Map.of(), COMMAND);
        return r.out().lines().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim())).toList();
    }

    @Override
    public void close() {
        for (String ns : namespaces.reversed()) {
            String host = ns.substring(prefix.length() + 1);
            try {
                killAll(host);
            } catch (RuntimeException e) {
                System.err.println("Hosts: " + e.getMessage());
            }
            Result.of(List.of("ip", "netns", "del", ns), Map.of(), COMMAND);
            try (var files = Files.walk(Path.of("/etc/netns", ns))) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // no hosts file was written for it
            }
        }
    }

    /** Root (namespaces, mounts) and the programs the hosts run: a missing one fails here with its package. */
    private static void requireRootAndPrograms() {
        Result id = Result.of(List.of("id", "-u"), Map.of(), COMMAND);
        if (!id.out().trim().equals("0")) {
            throw new AssertionError("this test builds hosts from network namespaces and needs root (CI runs as root); "
                    + "uid is " + id.out().trim());
        }
        Map<String, String> programs = Map.of("/usr/bin/ip", "iproute2", "/usr/bin/unshare", "util-linux",
                "/usr/bin/pebble", "pebble", "/usr/bin/certbot", "certbot", "/usr/bin/socat", "socat",
                "/usr/bin/mosquitto_sub", "mosquitto-clients", "/usr/bin/curl", "curl", "/usr/bin/openssl", "openssl",
                "/usr/bin/dpkg", "dpkg");
        programs.forEach((program, pkg) -> {
            if (!Files.isExecutable(Path.of(program))) {
                throw new AssertionError(program + " is missing: install the Debian package " + pkg + " (.ci/run does)");
            }
        });
    }

    /** Runs a command to its end; fails on a non-zero exit with what it printed. */
    static String run(List<String> command) {
        return run(command, Map.of());
    }

    static String run(List<String> command, Map<String, String> env) {
        Result r = Result.of(command, env, COMMAND);
        if (r.code() != 0) {
            throw new AssertionError("exit " + r.code() + " from " + String.join(" ", command) + "\n" + r.out());
        }
        return r.out();
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Result(int code, String out) {
        static Result of(List<String> command, Map<String, String> env, Duration timeout) {
            try {
                Path log = Files.createTempFile("parley-hosts-", ".txt");
                try {
                    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                                    .toFile()));
                    builder.environment().putAll(env);
                    Process p = builder.start();
                    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly().waitFor();
                        throw new AssertionError(String.join(" ", command) + " still ran after " + timeout + "\n"
                                + Files.readString(log, StandardCharsets.UTF_8));
                    }
                    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
                } finally {
                    Files.deleteIfExists(log);
                }
            } catch (IOException e) {
                throw new AssertionError("cannot run " + String.join(" ", command), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted running " + String.join(" ", command), e);
            }
        }
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
