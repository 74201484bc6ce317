package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.RpcProcess;

/**
 * Parley between hosts, as people deploy it (docs/deploy.md): hosts made of network namespaces, a server set up by
 * the parley-server package's own command with a certificate from pebble (Let's Encrypt's test CA) through certbot's
 * real HTTP-01 flow; Alice on the desktop app's command line (the built image, JSON-RPC), Bob in headless Chromium
 * opening her invite link by the server's name, Eve subscribing where she must get nothing. The server host is then
 * killed hard and restarted from its own files, and its certificate renewed, with the chat going on across both.
 */
class DeployedServerIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DOMAIN = "chat.parley.test";

    @TempDir
    Path dir;

    @Test
    void aServerFromThePackageCarriesAChatBetweenHosts() throws Exception {
        long started = System.nanoTime();
        List<AutoCloseable> open = new ArrayList<>();
        ServerHost server = null;
        try (Hosts hosts = Hosts.create(List.of("server", "acme", "alice", "bob", "eve"))) {
            Hosts.Result outside = Hosts.Result.of(hosts.on("alice", List.of("/bin/bash", "-c",
                    "exec 3<>/dev/tcp/1.1.1.1/443")), Map.of(), WAIT);
            assertThat(outside.out()).as("no host reaches an address outside the namespaces")
                    .contains("Network is unreachable");
            Pebble pebble = Pebble.start(hosts, dir.resolve("acme"));
            open.add(pebble);
            Path root = pebble.fetch("alice", "roots/0");
            Path intermediate = pebble.fetch("alice", "intermediates/0");
            server = new ServerHost(hosts, dir.resolve("server-disk"), pebble.tlsCa());
            server.install();

            refusesANameThatLeadsElsewhereAndATakenPort(hosts, server);
            Hosts.Result setup = server.run("parley-server", "setup", "--domain", DOMAIN, "--email", "alice@parley.test",
                    "--acme-server", Pebble.directory());
            assertThat(setup.code()).as(setup.out()).isZero();
            assertThat(setup.out()).contains("ready.", "https://" + DOMAIN + "/", "mqtts://" + DOMAIN + ":8883");
            assertThat(Files.getOwner(server.file("etc/parley-server/tls/broker.key")).getName()).isEqualTo("mosquitto");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    server.file("etc/parley-server/tls/broker.key")))).isEqualTo("rw-------");
            String issued = serial(server.file("etc/letsencrypt/live/" + DOMAIN + "/cert.pem"));
            assertThat(awaitServedSerial(hosts, root, 8883, issued)).as("Mosquitto presents pebble's certificate").isEqualTo(issued);
            assertThat(awaitServedSerial(hosts, root, 443, issued)).as("nginx presents pebble's certificate").isEqualTo(issued);

            Eve eve = Eve.subscribe(hosts, root, dir.resolve("eve"));
            open.add(eve);
            checkFromEvesHost(hosts, root);

            Path home = dir.resolve("alice-home");
            Path profile = dir.resolve("alice-profile");
            RpcProcess alice = RpcProcess.start(hosts.on("alice", List.of(RpcProcess.launcher().toString(),
                    "--profile", profile.toString(), "--name", "Alice", "--broker", "mqtts://" + DOMAIN + ":8883",
                    "--wss", "wss://" + DOMAIN + "/mqtt", "--web", "https://" + DOMAIN + "/", "--ca", root.toString(),
                    "jsonrpc")), home, Map.of());
            open.add(alice);
            alice.awaitEvent("started", e -> "started".equals(RpcProcess.string(e, "event")), WAIT);
            alice.request(1, "invite", RpcProcess.params("expires", "1h"));
            JsonObject invite = alice.awaitReply(1, WAIT).getAsJsonObject("result");
            assertThat(invite).as(alice.toString()).isNotNull();
            String link = invite.get("link").getAsString();
            String chat = invite.get("chat").getAsString();
            assertThat(link).startsWith("https://" + DOMAIN + "/#parley=1&");

            // Bob's browser trusts pebble's intermediate (it stays through the renewal; the leaf key does not)
            Browser bob = Browser.start(ChromedriverOnHost.wrapper(hosts, "bob", dir.resolve("bob")),
                    List.of(Browser.spkiHash(intermediate)), 412, 915, List.of());
            open.add(bob);
            bob.open(link);
            bob.find("#pane .join-button").click();
            WebClientIT.awaitActive(bob);
            alice.awaitEvent("Bob's join", e -> "ready".equals(RpcProcess.string(e, "event"))
                    && chat.equals(RpcProcess.string(e, "chat")), WAIT);

            List<String> toBob = new ArrayList<>();
            send(alice, chat, "Hello Bob, from Alice's host", toBob);
            WebClientIT.awaitIncoming(bob, toBob);
            bob.typeAndSend("Hi Alice, from Bob's browser");
            awaitFromBob(alice, "Hi Alice, from Bob's browser");

            // the server host crashes: every process SIGKILLed; both sides write meanwhile
            assertThat(hosts.killAll("server")).as("server processes killed").isGreaterThanOrEqualTo(3);
            send(alice, chat, "written while the server was down, 1", toBob);
            send(alice, chat, "written while the server was down, 2", toBob);
            bob.typeAndSend("Bob wrote this while the server was down");
            WebClientIT.awaitOutgoing(bob, 2);
            Hosts.Result restart = server.run("parley-server", "start");
            assertThat(restart.code()).as(restart.out()).isZero();
            WebClientIT.awaitIncoming(bob, toBob);
            awaitFromBob(alice, "Bob wrote this while the server was down");

            // the certificate is renewed; the deploy hook installs it, both servers present it, clients reconnect
            Hosts.Result renew = server.run("certbot", "renew", "--force-renewal", "--no-random-sleep-on-renew");
            assertThat(renew.code()).as(renew.out()).isZero();
            String renewed = serial(server.file("etc/letsencrypt/live/" + DOMAIN + "/cert.pem"));
            assertThat(renewed).isNotEqualTo(issued);
            assertThat(awaitServedSerial(hosts, root, 8883, renewed)).isEqualTo(renewed);
            assertThat(awaitServedSerial(hosts, root, 443, renewed)).isEqualTo(renewed);
            send(alice, chat, "after the renewal, from Alice", toBob);
            WebClientIT.awaitIncoming(bob, toBob);
            bob.typeAndSend("after the renewal, from Bob");
            awaitFromBob(alice, "after the renewal, from Bob");

            // Alice hands her profile to the docs' echo bot, which answers Bob
            alice.closeInput();
            assertThat(alice.awaitExit(WAIT)).as(alice.toString()).isZero();
            RpcProcess bot = RpcProcess.start(hosts.on("alice", List.of("/usr/bin/python3", docs("echo-bot.py"),
                    "--profile", profile.toString())), home, Map.of("PARLEY", RpcProcess.launcher().toString()));
            open.add(bot);
            bob.typeAndSend("hello bot");
            toBob.add("echo: hello bot");
            WebClientIT.awaitIncoming(bob, toBob);

            assertThat(fromBob(alice, "Bob wrote this while the server was down")).as("arrived once").isEqualTo(1);
            assertThat(fromBob(alice, "Hi Alice, from Bob's browser")).as("arrived once").isEqualTo(1);
            eve.assertGotNothing();
            System.out.printf("DeployedServerIT: the hosts' run took %d s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
        } finally {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("DeployedServerIT: closing " + c + ": " + e);
                }
            }
            if (server != null) {
                server.uninstall();
            }
        }
    }

    /**
     * {@code parley check} from another host, by the server's name alone: every line is ok but the one gap Mosquitto
     * 2.0.11 has on its websockets listener (max_packet_size is not applied there, docs/check.md), so the day the
     * server closes it this test says so.
     */
    private static void checkFromEvesHost(Hosts hosts, Path root) {
        Hosts.Result check = Hosts.Result.of(hosts.on("eve", List.of(RpcProcess.launcher().toString(), "check", DOMAIN,
                "--ca", root.toString())), Map.of(), WAIT);
        List<String> lines = check.out().lines().toList();
        List<String> failed = lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
        assertThat(lines.stream().filter(l -> l.startsWith("ok ")).count()).as(check.out()).isGreaterThanOrEqualTo(25);
        assertThat(failed).as(check.out()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("FAIL wss ").contains("packet size limit"));
        assertThat(check.code()).as(check.out()).isEqualTo(9);
    }

    /** setup says no, clearly, to a name that resolves to another host and to a port that is taken. */
    private static void refusesANameThatLeadsElsewhereAndATakenPort(Hosts hosts, ServerHost server) throws Exception {
        Hosts.Result elsewhere = server.run("parley-server", "setup", "--domain", "acme.parley.test", "--email",
                "alice@parley.test", "--acme-server", Pebble.directory());
        assertThat(elsewhere.code()).isNotZero();
        assertThat(elsewhere.out()).contains("acme.parley.test resolves to " + hosts.address("acme")
                + ", which is not this host");
        assertThat(server.file("etc/parley-server/server.env")).as("a refused setup writes nothing").doesNotExist();
        Process squatter = new ProcessBuilder(hosts.on("server", List.of("socat", "TCP-LISTEN:8883,reuseaddr",
                "/dev/null"))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Hosts.Result taken;
            long end = System.nanoTime() + WAIT.toNanos();
            do {  // until socat listens: then setup must refuse
                taken = server.run("parley-server", "setup", "--domain", DOMAIN, "--email", "alice@parley.test",
                        "--acme-server", Pebble.directory());
            } while (taken.code() != 0 && !taken.out().contains("already in use") && System.nanoTime() < end);
            assertThat(taken.code()).as(taken.out()).isNotZero();
            assertThat(taken.out()).contains("port(s) 8883 already in use");
        } finally {
            squatter.destroyForcibly().waitFor();
        }
    }

    private static void send(RpcProcess alice, String chat, String text, List<String> toBob) throws Exception {
        String id = "send-" + toBob.size();
        alice.request(id, "send", RpcProcess.params("chat", chat, "text", text));
        assertThat(alice.awaitReply(id, WAIT).has("result")).as(alice.toString()).isTrue();
        toBob.add(text);
    }

    private static void awaitFromBob(RpcProcess alice, String text) {
        alice.awaitEvent("'" + text + "' from Bob", e -> "message".equals(RpcProcess.string(e, "event"))
                && "peer".equals(RpcProcess.string(e, "from")) && text.equals(RpcProcess.string(e, "text")), WAIT);
    }

    private static long fromBob(RpcProcess alice, String text) {
        return alice.events().stream().filter(e -> "message".equals(RpcProcess.string(e, "event"))
                && "peer".equals(RpcProcess.string(e, "from")) && text.equals(RpcProcess.string(e, "text"))).count();
    }

    private static String serial(Path pem) {
        return Hosts.run(List.of("openssl", "x509", "-noout", "-serial", "-in", pem.toString())).trim();
    }

    /** Waits until the server presents {@code wanted} on {@code port} (verified against pebble's root, by name). */
    private static String awaitServedSerial(Hosts hosts, Path root, int port, String wanted) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        String served = "";
        while (System.nanoTime() < end) {
            Hosts.Result r = Hosts.Result.of(hosts.on("alice", List.of("/bin/bash", "-c", "openssl s_client -connect "
                    + DOMAIN + ":" + port + " -servername " + DOMAIN + " -verify_hostname " + DOMAIN + " -CAfile " + root
                    + " -verify_return_error"
                    + " </dev/null 2>/dev/null | openssl x509 -noout -serial")), Map.of(), Duration.ofSeconds(30));
            served = r.out().trim();
            if (served.equals(wanted)) {
                return served;
            }
            Thread.sleep(200);
        }
        return served;
    }

    private static String docs(String file) {
        return Path.of(System.getProperty("parley.repo", "."), "docs", file).toAbsolutePath().toString();
    }
}
