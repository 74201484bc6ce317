package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Eve on her own host with Debian's mosquitto_sub over the server's real TLS (verified, by name): one subscriber to
 * {@code #} and {@code $SYS/#}, and two whose client ids are crafted to turn the ACL's {@code %c} into a wildcard
 * ({@code +} reading {@code /chats/+/messages}, {@code #} reading {@code /chats/#}). All stay subscribed (they
 * reconnect across the server's crash) and must receive nothing; a subscriber on Eve's own inbox shows that her
 * connection and her subscriptions work at all.
 */
final class Eve implements AutoCloseable {
    private final Hosts hosts;
    private final Path root;
    private final Path dir;
    private final List<Process> subscribers = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private Eve(Hosts hosts, Path root, Path dir) {
        this.hosts = hosts;
        this.root = root;
        this.dir = dir;
    }

    static Eve subscribe(Hosts hosts, Path root, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Eve eve = new Eve(hosts, root, dir);
        eve.start("everything", "eve-" + System.nanoTime(), "#", "$SYS/#");
        eve.start("plus-id", "+", "/chats/+/messages");
        eve.start("hash-id", "#", "/chats/#");
        for (Path log : eve.logs) {
            eve.awaitLine(log, "Subscribed");
        }
        return eve;
    }

    private void start(String name, String clientId, String... topics) throws IOException {
        // line-buffered: its output goes to a file, which the waits below read
        List<String> command = new ArrayList<>(List.of("/usr/bin/stdbuf", "-oL"));
        command.addAll(mosquitto("mosquitto_sub", clientId));
        command.addAll(List.of("-d", "-v", "-c", "-q", "1"));
        for (String t : topics) {
            command.addAll(List.of("-t", t));
        }
        Path log = dir.resolve(name + ".log");
        subscribers.add(new ProcessBuilder(hosts.on("eve", command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
        logs.add(log);
    }

    private List<String> mosquitto(String program, String clientId) {
        return List.of("/usr/bin/" + program, "-h", Hosts.dnsName("server"), "-p", "8883", "--cafile", root.toString(),
                "-i", clientId);
    }

    private void awaitLine(Path log, String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(log).contains(text)) {
            assertThat(System.nanoTime()).as(log.getFileName() + " shows '" + text + "':\n" + Files.readString(log))
                    .isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** None of Eve's rogue subscribers got a message; one on her own inbox does get hers. */
    void assertGotNothing() throws IOException, InterruptedException {
        String own = "eve-own-" + System.nanoTime();
        Path log = dir.resolve("own.log");
        Process control = new ProcessBuilder(hosts.on("eve", concat(mosquitto("mosquitto_sub", own),
                List.of("-v", "-C", "1", "-W", "90", "-t", "/chats/" + own + "/messages"))))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (control.isAlive() && System.nanoTime() < end) {
                // publish until the control subscriber has it (its subscription may not be in place yet)
                Hosts.run(hosts.on("eve", concat(mosquitto("mosquitto_pub", own + "-pub"),
                        List.of("-q", "1", "-t", "/chats/" + own + "/messages", "-m", "eve's own"))));
                control.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertThat(Files.readString(log)).as("Eve's own inbox works").contains("eve's own");
        } finally {
            control.destroyForcibly().waitFor();
        }
        for (Path l : logs) {
            String text = Files.readString(l);
            assertThat(text).as(l.getFileName() + ": Eve received nothing").doesNotContain("received PUBLISH");
            System.out.println("Eve's " + l.getFileName() + ": " + text.lines()
                    .filter(line -> line.contains("CONNACK") || line.startsWith("Subscribed")).distinct().toList());
        }
        assertThat(Files.readString(logs.getFirst())).as("the # subscriber was connected")
                .contains("received CONNACK (0)");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : subscribers) {
            p.destroyForcibly().waitFor();
        }
    }
}
