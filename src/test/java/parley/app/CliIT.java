package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.chat.ChatTimings;
import parley.chat.Party;
import parley.cli.ParleyCommand;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.testing.RecordingFront;
import parley.testing.SystemRoots;
import parley.testing.TestBroker;

/** The command line end to end, in-process, against the real broker stack. */
@ExtendWith(BrokerStackExtension.class)
class CliIT {
    private static BrokerStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    /** One CLI run: exit code and what it printed. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Output that a concurrent reader may poll while the command runs. */
    static final class LiveOutput extends StringWriter {
        synchronized String text() {
            return toString();
        }
    }

    private static Run parley(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.run(new ProfileWiring(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] as(String profile, String... rest) {
        List<String> args = new ArrayList<>(List.of("--profile", dir.resolve(profile).toString()));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private String inviteAndJoin() throws Exception {
        LiveOutput inviteOut = new LiveOutput();
        StringWriter inviteErr = new StringWriter();
        // its own thread, not the common pool: on two cores that pool has one thread, which others need
        CompletableFuture<Integer> invite = new CompletableFuture<>();
        Thread.ofPlatform().name("cli-invite").daemon().start(() -> invite.complete(ParleyCommand.run(
                new ProfileWiring(), new PrintWriter(inviteOut, true), new PrintWriter(inviteErr, true),
                as("alice", "--name", "Alice", "--broker", stack.mqttsUri().toString(), "--wss",
                        stack.wssUri().toString(), "--ca", stack.caFile().toString(), "invite"))));
        String link = awaitFirstLine(inviteOut);
        assertThat(link).startsWith("parley:#parley=1&");

        Run join = parley(as("bob", "--name", "Bob", "--broker", stack.mqttsUri().toString(), "--ca",
                stack.caFile().toString(), "join", link));
        assertThat(join.code()).as(join.err()).isZero();
        assertThat(join.err()).contains("invite from Alice on broker localhost:" + stack.mqttsPort() + " (your broker)");
        assertThat(join.out()).startsWith("joined: ").contains("Alice");
        assertThat(invite.get(30, TimeUnit.SECONDS)).as(inviteErr.toString()).isZero();
        assertThat(inviteOut.text()).contains("█") // the terminal QR code follows the link
                .contains("joined: ").contains("Bob");
        return link;
    }

    private static String awaitFirstLine(LiveOutput out) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String text = out.text();
            int newline = text.indexOf('\n');
            if (newline > 0) {
                return text.substring(0, newline);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the invite printed no link: " + out.text());
    }

    @Test
    void inviteJoinSendAndListen() throws Exception {
        inviteAndJoin();
        Run send = parley(as("bob", "send", "Alice", "hello from the CLI ✓", "--until", "sent"));
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.out()).endsWith("sent\n");

        Run listen = parley(as("alice", "listen", "--count", "1", "--timeout", "30s"));
        assertThat(listen.code()).as(listen.err()).isZero();
        assertThat(listen.out()).contains("\"event\":\"message\"").contains("\"text\":\"hello from the CLI ✓\"")
                .contains("\"from\":\"peer\"");

        Run chats = parley(as("alice", "chats", "--json"));
        assertThat(chats.lines()).singleElement().asString().contains("\"name\":\"Bob\"")
                .contains("\"phase\":\"active\"");
        Run history = parley(as("bob", "history", "Alice"));
        assertThat(history.out()).contains("hello from the CLI ✓");
    }

    @Test
    void safetyCodesVerifyAndRekeyFromTheCommandLine() throws Exception {
        inviteAndJoin();
        Run aliceCode = parley(as("alice", "safety", "Bob"));
        Run bobCode = parley(as("bob", "safety", "Alice", "--qr"));
        assertThat(aliceCode.out().strip()).matches("\\d{4}( \\d{4}){4}");
        assertThat(bobCode.out()).startsWith(aliceCode.out().strip()).contains("█");

        Run mismatch = parley(as("alice", "verify", "Bob", "1234 5678 9012 3456 7890"));
        assertThat(mismatch.code()).isEqualTo(8);
        assertThat(mismatch.err()).contains("someone may be in the middle").hasLineCount(1);
        Run verify = parley(as("alice", "verify", "Bob", aliceCode.out().strip()));
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(parley(as("alice", "chats")).out()).contains("[verified]");

        // Bob is offline: the refresh stays pending and completes when both have been online
        Run rekey = parley(as("alice", "rekey", "Bob", "--timeout", "3s"));
        assertThat(rekey.code()).isEqualTo(6);
        assertThat(rekey.err()).contains("stays pending");
        assertThat(parley(as("bob", "listen", "--timeout", "4s")).code()).isZero();
        assertThat(parley(as("alice", "listen", "--timeout", "4s")).code()).isZero();
        assertThat(parley(as("alice", "chats", "--json")).out()).contains("\"epoch\":1");
        assertThat(parley(as("bob", "chats", "--json")).out()).contains("\"epoch\":1");
    }

    @Test
    void badInputGetsOneLineAndItsOwnExitCode() {
        Run notInvite = parley(as("carol", "join", "https://example.org/#section-2"));
        assertThat(notInvite.code()).isEqualTo(3);
        assertThat(notInvite.err()).isEqualTo("parley: this is not a Parley invite\n");

        Run unknown = parley(as("carol", "send", "nobody", "hi"));
        assertThat(unknown.code()).isEqualTo(7);
        assertThat(unknown.err()).startsWith("parley: no chat called 'nobody'").hasLineCount(1);

        Run usage = parley(as("carol", "send"));
        assertThat(usage.code()).isEqualTo(2);

        Run version = parley("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Parley 0.1.0 (protocol 1");
    }

    @Test
    void aJoinToAnotherBrokerSaysSoAndSendsNoLoginThereNorAfterARestart() throws Exception {
        Path frontDir = Files.createDirectories(dir.resolve("front"));
        Path password = dir.resolve("bob-password.txt");
        Files.writeString(password, "bob-secret-9d1e\n");
        var carolLogin = new TestBroker.Credentials("carol-login", "carol-secret");
        try (RecordingFront other = RecordingFront.start(stack, frontDir, RecordingFront.Issuer.OWN_CA,
                Optional.of(carolLogin));
             SystemRoots roots = SystemRoots.plus(other.caFile(), dir);
             Party carol = Party.start("Carol", dir.resolve("carol"), other, Optional.of(other.mqttsUri()),
                     Optional.empty(), ChatTimings.standard())) {
            String link = carol.service.createInvite(Optional.empty()).get(30, TimeUnit.SECONDS).link();
            String address = RecordingFront.HOST + ":" + other.port();

            Run join = parley(as("bob", "--name", "Bob", "--broker", stack.mqttsUri().toString(), "--ca",
                    stack.caFile().toString(), "--username", "bob-login", "--password-file", password.toString(),
                    "join", link, "--timeout", "60s"));
            assertThat(join.code()).as(join.err()).isZero();
            assertThat(join.err()).contains("invite from Carol on broker " + address
                    + ": not your broker, so your broker login is not sent to it");
            long afterJoin = anonymousConnects(other);
            assertThat(afterJoin).as("Bob's join connected without a login").isPositive();

            Run chats = parley(as("bob", "chats"));
            assertThat(chats.out()).contains("Carol  [other broker " + address + ": no login sent]");
            Run send = parley(as("bob", "send", "Carol", "after a restart", "--until", "sent"));
            assertThat(send.code()).as(send.err()).isZero();
            assertThat(anonymousConnects(other)).as("later runs connect again, without a login").isGreaterThan(afterJoin);
            assertThat(other.connects()).as("the only login the other broker saw is Carol's own")
                    .filteredOn(RecordingFront.Connect::carriesLogin).isNotEmpty()
                    .allMatch(c -> c.username().equals(Optional.of(carolLogin.username())));
        }
    }

    private static long anonymousConnects(RecordingFront front) {
        return front.connects().stream().filter(c -> !c.carriesLogin()).count();
    }

    @Test
    void anUntrustedBrokerCertificateIsRefusedClearly() {
        Run invite = parley(as("dave", "--broker", stack.mqttsUri().toString(), "--ca", stack.otherCaFile().toString(),
                "invite", "--no-qr"));
        assertThat(invite.code()).isEqualTo(4);
        assertThat(invite.err()).contains("cannot connect to the broker").contains("not trusted");
    }

    @Test
    void aPassphraseLocksTheProfile() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "correct horse battery staple\n");
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not it\n");
        assertThat(parley(as("erin", "--broker", stack.mqttsUri().toString(), "--ca", stack.caFile().toString(),
                "chats")).code()).isZero();

        Run set = parley(as("erin", "passphrase", "--new-file", secret.toString()));
        assertThat(set.code()).as(set.err()).isZero();

        Run without = parley(as("erin", "chats"));
        assertThat(without.code()).isEqualTo(5);
        assertThat(without.err()).contains("passphrase");
        Run wrongOne = parley(as("erin", "--passphrase-file", wrong.toString(), "chats"));
        assertThat(wrongOne.code()).isEqualTo(5);
        assertThat(wrongOne.err()).contains("wrong passphrase");
        assertThat(parley(as("erin", "--passphrase-file", secret.toString(), "chats")).code()).isZero();
    }
}
