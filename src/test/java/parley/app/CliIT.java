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
import parley.testing.StrictJoiner;
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
        return parleyWithStdin("", args);
    }

    /** One CLI run whose stdin holds {@code stdin} (for the {@code -} arguments). */
    private static Run parleyWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.run(new ProfileWiring(),
                new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] as(String profile, String... rest) {
        List<String> args = new ArrayList<>(List.of("--profile", dir.resolve(profile).toString()));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private String inviteAndJoin() throws Exception {
        return inviteAndJoin(false);
    }

    /** Alice invites, Bob joins with the link as an argument or, with {@code linkOnStdin}, on stdin ({@code join -}). */
    private String inviteAndJoin(boolean linkOnStdin) throws Exception {
        LiveOutput inviteOut = new LiveOutput();
        LiveOutput inviteErr = new LiveOutput();
        CompletableFuture<Integer> invite = aliceInvites(inviteOut, inviteErr);
        String link = awaitFirstLine(inviteOut);
        assertThat(link).startsWith("parley:#parley=1&");

        String[] bob = {"--name", "Bob", "--broker", stack.mqttsUri().toString(), "--ca", stack.caFile().toString()};
        Run join = linkOnStdin
                ? parleyWithStdin(link + "\n", as("bob", concat(bob, "join", "-")))
                : parley(as("bob", concat(bob, "join", link)));
        assertThat(join.code()).as(join.err()).isZero();
        assertThat(join.err()).contains("invite from Alice on broker localhost:" + stack.mqttsPort() + " (your broker)");
        assertThat(join.out()).startsWith("joined: ").contains("Alice");
        assertThat(invite.get(30, TimeUnit.SECONDS)).as(inviteErr.text()).isZero();
        assertThat(inviteOut.text()).contains("█") // the terminal QR code follows the link
                .contains("joined: ").contains("Bob");
        return link;
    }

    /** Alice's `invite` (with {@code options} after it) running on its own thread. */
    private CompletableFuture<Integer> aliceInvites(LiveOutput out, LiveOutput err, String... options) {
        List<String> args = new ArrayList<>(List.of("--name", "Alice", "--broker", stack.mqttsUri().toString(),
                "--wss", stack.wssUri().toString(), "--ca", stack.caFile().toString(), "invite"));
        args.addAll(List.of(options));
        // its own thread, not the common pool: on two cores that pool has one thread, which others need
        CompletableFuture<Integer> invite = new CompletableFuture<>();
        Thread.ofPlatform().name("cli-invite").daemon().start(() -> invite.complete(ParleyCommand.run(
                new ProfileWiring(), new PrintWriter(out, true), new PrintWriter(err, true),
                as("alice", args.toArray(String[]::new)))));
        return invite;
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

    /**
     * A strict peer: its join goes out once, the moment the link is printed, and is never re-sent (Parley's own
     * joiner would hide a join lost at the broker by re-sending it). The link is printed only once the invite
     * inbox is subscribed, so it is answered.
     */
    @Test
    void aJoinSentOnceTheMomentTheLinkAppearsIsAnswered() throws Exception {
        try (StrictJoiner strict = StrictJoiner.connect(stack)) {
            LiveOutput inviteOut = new LiveOutput();
            LiveOutput inviteErr = new LiveOutput();
            CompletableFuture<Integer> invite = aliceInvites(inviteOut, inviteErr, "--no-qr");
            strict.joinOnce(awaitFirstLine(inviteOut), "Strict");
            strict.awaitWelcome(Duration.ofSeconds(20));
            assertThat(invite.get(30, TimeUnit.SECONDS)).as(inviteErr.text()).isZero();
            assertThat(inviteOut.text()).contains("joined: ").contains("Strict");
            assertThat(inviteErr.text()).startsWith("invite ").contains("is not live yet: waiting for the server");
        }
    }

    /** Nobody answers before the invite expires: `join` stops, says why, and exits with code 3. */
    @Test
    void aJoinWhoseInviteExpiresUnansweredEndsWithExitCode3() {
        Run invite = parley(as("alice", "--broker", stack.mqttsUri().toString(), "--ca", stack.caFile().toString(),
                "invite", "--no-qr", "--no-wait", "--expires", "6s"));
        assertThat(invite.code()).as(invite.err()).isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ChatTimings shortSkew = ChatTimings.standard().withClockSkew(Duration.ofSeconds(1));
        int code = ParleyCommand.run(new ProfileWiring(shortSkew), new PrintWriter(out, true),
                new PrintWriter(err, true), as("bob", "--broker", stack.mqttsUri().toString(), "--ca",
                        stack.caFile().toString(), "join", invite.lines().getFirst()));
        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("the invite expired before the inviter answered");
        Run chats = parley(as("bob", "chats", "--json"));
        assertThat(chats.lines()).singleElement().asString().contains("\"phase\":\"expired\"");
    }

    /** `join --name` gives the joiner's name for this join: the inviter's chat is called by it. */
    @Test
    void joinTakesTheJoinersName() throws Exception {
        LiveOutput inviteOut = new LiveOutput();
        LiveOutput inviteErr = new LiveOutput();
        CompletableFuture<Integer> invite = aliceInvites(inviteOut, inviteErr, "--no-qr");
        String link = awaitFirstLine(inviteOut);
        Run join = parley(as("carol", "--broker", stack.mqttsUri().toString(), "--ca", stack.caFile().toString(),
                "join", "--name", "Carol Ann", link));
        assertThat(join.code()).as(join.err()).isZero();
        assertThat(invite.get(30, TimeUnit.SECONDS)).as(inviteErr.text()).isZero();
        assertThat(parley(as("alice", "chats", "--json")).lines()).singleElement().asString()
                .contains("\"name\":\"Carol Ann\"");
    }

    /**
     * Pasting one's own invite, or one already answered, is refused with a sentence (exit code 3) instead of making
     * a chat that waits for a welcome nobody sends; no chat is added.
     */
    @Test
    void ownAndAlreadyUsedInvitesAreRefused() throws Exception {
        Run open = parley(as("dora", "--broker", stack.mqttsUri().toString(), "--ca", stack.caFile().toString(),
                "invite", "--no-qr", "--no-wait"));
        assertThat(open.code()).as(open.err()).isZero();
        Run own = parley(as("dora", "join", open.lines().getFirst()));
        assertThat(own.code()).isEqualTo(3);
        assertThat(own.err()).contains("This is your own invite. Send it to your friend");
        assertThat(parley(as("dora", "chats", "--json")).lines()).hasSize(1);

        String link = inviteAndJoin();
        Run again = parley(as("bob", "join", link));
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("You already used this invite: the chat is \"Alice\".");
        assertThat(parley(as("bob", "chats", "--json")).lines()).hasSize(1);
        Run answered = parley(as("alice", "join", link));
        assertThat(answered.code()).isEqualTo(3);
        assertThat(answered.err()).contains("This is your own invite, and your friend already answered it");
        assertThat(parley(as("alice", "chats", "--json")).lines()).hasSize(1);
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

    /**
     * Links and texts kept off the command line ({@code -}, {@code --text-file} and {@code join --file}), and what
     * a peer wrote printed with its terminal controls escaped: an OSC title change, a screen clear, a C1 CSI, a
     * bidi override and a forged second line reach the terminal as escapes, and the JSON lines still parse to the
     * exact text.
     */
    @Test
    void linksAndTextsFromStdinOrAFileAndHostileTextPrintedEscaped() throws Exception {
        inviteAndJoin(true);
        String hostile = "\u001b]0;owned\u0007\u001b[2Jhi\u009b31m \u202eecilA\n{\"event\":\"message\",\"text\":\"forged\"}";
        Run send = parleyWithStdin(hostile + "\n", as("bob", "send", "Alice", "-"));
        assertThat(send.code()).as(send.err()).isZero();
        Path file = dir.resolve("message.txt");
        Files.writeString(file, "from a file\r\n");
        Run fromFile = parley(as("bob", "send", "Alice", "--text-file", file.toString()));
        assertThat(fromFile.code()).as(fromFile.err()).isZero();

        Run listen = parley(as("alice", "listen", "--count", "2", "--timeout", "30s"));
        assertThat(listen.code()).as(listen.err()).isZero();
        List<String> texts = new ArrayList<>();
        for (String line : listen.lines()) {
            assertThat(line.chars()).as("a listen line").noneMatch(CliIT::isTerminalControl);
            var o = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            if (o.get("event").getAsString().equals("message")) {
                texts.add(o.get("text").getAsString());
            }
        }
        assertThat(texts).containsExactly(hostile, "from a file");
        Run history = parley(as("alice", "history", "Bob"));
        assertThat(history.lines()).hasSize(2).allSatisfy(line -> assertThat(line.chars()).noneMatch(CliIT::isTerminalControl));
        assertThat(history.out()).contains("\\u001b]0;owned\\u0007").contains("\\u009b31m").contains("\\u202e");

        // the wrong ways are refused with a clear message, and nothing is sent
        Run both = parley(as("bob", "send", "Alice", "text", "--text-file", file.toString()));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        Run textAndAFile = parley(as("bob", "send", "Alice", "text", "--file", file.toString()));
        assertThat(textAndAFile.code()).isEqualTo(2);
        assertThat(textAndAFile.err()).contains("or --file, not both");
        Run empty = parleyWithStdin("", as("bob", "send", "Alice", "-"));
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("the message from stdin is empty");
        Run tooLong = parleyWithStdin("x".repeat(16_385), as("bob", "send", "Alice", "-"));
        assertThat(tooLong.err()).contains("longer than 16384 bytes");
        Run badName = parley(as("alice", "rename", "Bob", "Bob\u001b[31m"));
        assertThat(badName.code()).isNotZero();
        assertThat(badName.err()).contains("contains control characters").doesNotContain("\u001b");
        assertThat(parley("help", "send").out()).contains("--text-file").contains("--file").contains("stdin");
        assertThat(parley("help", "join").out()).contains("--file").contains("stdin");
    }

    private static boolean isTerminalControl(int c) {
        return Character.getType(c) == Character.CONTROL || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
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
