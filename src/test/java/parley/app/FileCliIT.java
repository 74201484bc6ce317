package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.cli.ParleyCommand;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * Files from the command line (docs/protocol.md section 9) against the real broker: {@code send --file},
 * {@code listen} and {@code jsonrpc} reporting a file and its progress, {@code save}, {@code download}, the
 * 100 MiB limit, and a sender SIGKILLed in the middle of a transfer whose next run finishes it.
 */
@ExtendWith(BrokerStackExtension.class)
class FileCliIT {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static BrokerStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    record Run(int code, String out, String err) {}

    private Run parley(String profile, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.run(new ProfileWiring(), new PrintWriter(out, true), new PrintWriter(err, true),
                withProfile(profile, args));
        return new Run(code, out.toString(), err.toString());
    }

    /** A run on a thread of its own (not the common pool, which has one thread on two cores). */
    private CompletableFuture<Run> parleyInBackground(String profile, String... args) {
        CompletableFuture<Run> run = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("cli-" + profile).start(() -> run.complete(parley(profile, args)));
        return run;
    }

    /** {@code parley --profile DIR ARGS...} as a process of its own (a real JVM that can be killed). */
    private RpcProcess process(String profile, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(withProfile(profile, args)));
        return RpcProcess.start(command, dir.resolve("home-" + profile), Map.of());
    }

    private String[] withProfile(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", dir.resolve(profile).toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** Alice invites, Bob joins: Alice's chat is called "Bob", Bob's "Alice". */
    private void pair() throws Exception {
        StringWriter inviteOut = new StringWriter();
        CompletableFuture<Integer> invite = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("cli-invite").start(() -> invite.complete(ParleyCommand.run(
                new ProfileWiring(), new PrintWriter(inviteOut, true), new PrintWriter(new StringWriter(), true),
                withProfile("alice", "--name", "Alice", "--broker", stack.mqttsUri().toString(), "--ca",
                        stack.caFile().toString(), "invite"))));
        String link = null;
        long end = System.nanoTime() + LONG.toNanos();
        while (link == null && System.nanoTime() < end) {
            String text;
            synchronized (inviteOut) {
                text = inviteOut.toString();
            }
            int newline = text.indexOf('\n');
            if (newline > 0) {
                link = text.substring(0, newline);
            } else {
                Thread.sleep(20); // polls the invite's output for its first line
            }
        }
        assertThat(link).as("the invite's link").startsWith("parley:");
        Run join = parley("bob", "--name", "Bob", "--broker", stack.mqttsUri().toString(), "--ca",
                stack.caFile().toString(), "join", link);
        assertThat(join.code()).as(join.err()).isZero();
        assertThat(invite.get(LONG.toSeconds(), TimeUnit.SECONDS)).isZero();
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        if (name.endsWith(".jpg")) {
            System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, bytes, 0, 4);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String string(JsonObject o, String key) {
        return RpcProcess.string(o, key);
    }

    private static boolean isFileEvent(JsonObject o, String name, String state) {
        return "file".equals(string(o, "event")) && name.equals(string(o, "name")) && state.equals(string(o, "state"));
    }

    @Test
    void aFileSentWithSendFileIsReportedByListenAndSavedByteIdenticalNeverOverAnother() throws Exception {
        pair();
        Path photo = randomFile("holiday.jpg", 1_000_000, 1);
        String id;
        try (RpcProcess listen = process("bob", "listen")) {
            Run send = parley("alice", "send", "Bob", "--file", photo.toString(), "--timeout", "2m");
            assertThat(send.code()).as(send.err()).isZero();
            assertThat(send.out()).endsWith(" delivered\n");
            id = send.out().strip().split(" ")[0];
            assertThat(send.err().lines()).as("a line per 10%, not a terminal's updating line")
                    .contains("sending holiday.jpg: 0/16 parts (0%)", "sending holiday.jpg: 16/16 parts (100%)")
                    .allSatisfy(l -> assertThat(l).startsWith("sending holiday.jpg: "));

            JsonObject message = listen.awaitLine("the file's message line", o -> "message".equals(string(o, "event"))
                    && id.equals(string(o, "id")), LONG);
            assertThat(string(message, "from")).isEqualTo("peer");
            assertThat(string(message, "text")).startsWith("[file] holiday.jpg (1.0 MB) ");
            JsonObject file = message.getAsJsonObject("file");
            assertThat(string(file, "name")).isEqualTo("holiday.jpg");
            assertThat(file.get("size").getAsLong()).isEqualTo(1_000_000);
            assertThat(string(file, "type")).isEqualTo("image/jpeg");
            assertThat(file.get("count").getAsInt()).isEqualTo(16);
            JsonObject complete = listen.awaitLine("the file complete", o -> isFileEvent(o, "holiday.jpg", "complete"),
                    LONG);
            assertThat(string(complete, "message")).isEqualTo(id);
            assertThat(complete.get("held").getAsInt()).isEqualTo(16);
            assertThat(listen.received().stream().filter(o -> "file".equals(string(o, "event"))).count())
                    .as("listen: a line per state and per 10%% at most").isLessThanOrEqualTo(13);
            listen.terminate();
            listen.awaitExit(LONG);
        }

        Run history = parley("bob", "history", "Alice");
        assertThat(history.out()).contains("\"text\":\"[file] holiday.jpg (1.0 MB) complete\"")
                .doesNotContain("Your Parley cannot receive files");

        Path saveTo = Files.createDirectories(dir.resolve("saved"));
        Run save = parley("bob", "save", "Alice", id, saveTo.toString());
        assertThat(save.code()).as(save.err()).isZero();
        Path saved = Path.of(save.out().strip());
        assertThat(saved).isEqualTo(saveTo.resolve("holiday.jpg"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(photo));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");

        Run again = parley("bob", "save", "Alice", id.substring(0, 8), saveTo.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Path.of(again.out().strip())).as("a unique prefix of the id is enough; never over another file")
                .isEqualTo(saveTo.resolve("holiday (1).jpg"));
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(photo));
        assertThat(Files.readAllBytes(saveTo.resolve("holiday (1).jpg"))).isEqualTo(Files.readAllBytes(photo));

        Run own = parley("alice", "save", "Bob", id, saveTo.toString());
        assertThat(own.code()).as("the sender saves its own file: " + own.err()).isZero();
        assertThat(Path.of(own.out().strip())).isEqualTo(saveTo.resolve("holiday (2).jpg"));
    }

    @Test
    void aFileOver100MiBIsRefusedAtOnceNamingBothSizesAndNothingIsSent() throws Exception {
        pair();
        Path huge = dir.resolve("huge.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(101L * 1024 * 1024); // sparse: takes no disk, reads as zeros
        }
        long start = System.nanoTime();
        Run send = parley("alice", "send", "Bob", "--file", huge.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(send.code()).isEqualTo(7);
        assertThat(send.err()).contains("huge.bin is too large to send").contains("105,906,176 bytes")
                .contains("104,857,600 bytes");
        assertThat(took).as("refused before reading 101 MiB").isLessThan(Duration.ofSeconds(20));

        Run both = parley("alice", "send", "Bob", "hi", "--file", huge.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        Run missing = parley("alice", "send", "Bob", "--file", dir.resolve("nope.bin").toString());
        assertThat(missing.code()).isEqualTo(7);
        assertThat(missing.err()).contains("nope.bin");
        Run nothing = parley("alice", "send", "Bob");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("or a file to send (--file PATH)");
        Run untilWithAFile = parley("alice", "send", "Bob", "--file", huge.toString(), "--until", "sent");
        assertThat(untilWithAFile.code()).isEqualTo(2);
        assertThat(parley("alice", "history", "Bob").out()).as("nothing was sent").isEmpty();

        Run noSuchMessage = parley("alice", "save", "Bob", "AAAAAAAA");
        assertThat(noSuchMessage.code()).isEqualTo(7);
        assertThat(noSuchMessage.err()).contains("no message AAAAAAAA in this chat");
        assertThat(parley("alice", "help", "save").out()).contains("MESSAGE").contains("[DIR]")
                .contains("XDG_DOWNLOAD_DIR");
        assertThat(parley("alice", "help", "download").out()).contains("MESSAGE").contains("--timeout");

        assertThat(parley("bob", "auto-download").out()).contains("files of up to 16 MiB are fetched by themselves");
        Run tooLarge = parley("bob", "auto-download", "101");
        assertThat(tooLarge.code()).isEqualTo(7);
        assertThat(tooLarge.err()).contains("the automatic download size is 0 to 104,857,600 bytes (100 MiB)");
        assertThat(parley("bob", "auto-download", "0").out()).contains("fetched when you ask");
        assertThat(parley("bob", "auto-download").out()).as("kept in the profile").contains("fetched when you ask");
    }

    /**
     * A file over the automatic download size waits for {@code parley download}; {@code save} says so meanwhile.
     * The sender interrupted with Ctrl-C (SIGINT) says the transfer continues with the next run, and it does.
     */
    @Test
    void aFileOverTheAutomaticSizeWaitsUntilDownloadAndAnInterruptedSenderCarriesOn() throws Exception {
        pair();
        Path video = randomFile("clip.mp4", 17 * 1024 * 1024, 3);
        String id;
        try (RpcProcess send = process("alice", "send", "Bob", "--file", video.toString())) {
            send.awaitStderr("the send under way", e -> e.contains("sending clip.mp4: 0/272 parts (0%)"), LONG);
            Run offered = parley("bob", "listen", "--count", "1", "--timeout", "2m");
            assertThat(offered.code()).as(offered.err()).isZero();
            String line = offered.out().lines().filter(l -> l.contains("\"event\":\"message\"")).findFirst()
                    .orElseThrow();
            assertThat(line).contains("\"state\":\"offered\"").contains("\"held\":0");
            id = line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(send.process().pid())).start();
            assertThat(interrupt.waitFor()).isZero();
            assertThat(send.awaitExit(LONG)).as("ended by the interrupt").isNotZero();
            assertThat(send.stderr()).contains("clip.mp4 stays offered and its transfer continues the next time "
                    + "Parley runs");
        }

        Run early = parley("bob", "save", "Alice", id, dir.toString());
        assertThat(early.code()).isEqualTo(7);
        assertThat(early.err()).contains("clip.mp4 (17.8 MB) is larger than the automatic download size")
                .contains("parley download");

        try (RpcProcess alice = process("alice", "listen")) {
            alice.awaitLine("the sender online", o -> "connection".equals(string(o, "event"))
                    && "online".equals(string(o, "status")), LONG);
            Run download = parley("bob", "download", "Alice", id, "--timeout", "5m");
            assertThat(download.code()).as(download.err()).isZero();
            assertThat(download.out()).isEqualTo(id + " complete\n");
            assertThat(download.err()).contains("downloading clip.mp4: 272/272 parts (100%)");
            alice.awaitLine("the sender sees it delivered", o -> isFileEvent(o, "clip.mp4", "delivered"), LONG);
        }

        Path saveTo = Files.createDirectories(dir.resolve("saved"));
        Run save = parley("bob", "save", "Alice", id, saveTo.toString());
        assertThat(save.code()).as(save.err()).isZero();
        assertThat(sha256(Path.of(save.out().strip()))).isEqualTo(sha256(video));
    }

    /** The JSON-RPC file methods between two bots: sendFile, download, stopTransfer (pause), saveFile. */
    @Test
    void jsonRpcSendsDownloadsPausesResumesAndSavesAFile() throws Exception {
        pair();
        Path video = randomFile("talk.mp4", 20 * 1024 * 1024, 5);
        Path saveTo = Files.createDirectories(dir.resolve("saved"));
        try (RpcProcess alice = process("alice", "jsonrpc"); RpcProcess bob = process("bob", "jsonrpc")) {
            alice.awaitEvent("started", e -> "started".equals(string(e, "event")), LONG);
            bob.awaitEvent("started", e -> "started".equals(string(e, "event")), LONG);
            alice.request(1, "sendFile", RpcProcess.params("chat", "Bob", "path", video.toString()));
            JsonObject sent = alice.awaitResult(1, LONG).getAsJsonObject("result");
            String id = string(sent, "message");
            assertThat(string(sent.getAsJsonObject("file"), "state")).isEqualTo("sending");
            assertThat(sent.getAsJsonObject("file").get("count").getAsInt()).isEqualTo(320);

            JsonObject offered = bob.awaitEvent("the file offered", e -> "message".equals(string(e, "event"))
                    && id.equals(string(e, "id")), LONG);
            assertThat(offered.getAsJsonObject("file").get("size").getAsLong()).isEqualTo(20 * 1024 * 1024);
            assertThat(string(offered.getAsJsonObject("file"), "state")).isEqualTo("offered");
            bob.request(2, "saveFile", RpcProcess.params("chat", "Alice", "message", id, "dir", saveTo.toString()));
            JsonObject refused = bob.awaitReply(2, LONG).getAsJsonObject("error");
            assertThat(refused.get("code").getAsInt()).isEqualTo(7);
            assertThat(string(refused, "message")).contains("parley download");

            bob.request(3, "download", RpcProcess.params("chat", "Alice", "message", id));
            assertThat(bob.awaitResult(3, LONG).getAsJsonObject("result").has("file")).isTrue();
            bob.awaitEvent("some of it", e -> isFileEvent(e, "talk.mp4", "downloading")
                    && e.get("held").getAsInt() > 0, LONG);
            bob.request(4, "stopTransfer", RpcProcess.params("chat", "Alice", "message", id));
            bob.awaitResult(4, LONG);
            bob.awaitEvent("paused", e -> isFileEvent(e, "talk.mp4", "paused"), LONG);
            bob.request(5, "saveFile", RpcProcess.params("chat", "Alice", "message", id, "dir", saveTo.toString()));
            assertThat(string(bob.awaitReply(5, LONG).getAsJsonObject("error"), "message"))
                    .contains("talk.mp4 is paused at ").contains(" of 320 parts").contains("parley download");

            bob.request(6, "download", RpcProcess.params("chat", "Alice", "message", id));
            bob.awaitResult(6, LONG);
            bob.awaitEvent("complete", e -> isFileEvent(e, "talk.mp4", "complete"), LONG);
            alice.awaitEvent("delivered", e -> isFileEvent(e, "talk.mp4", "delivered"), LONG);
            bob.request(7, "saveFile", RpcProcess.params("chat", "Alice", "message", id, "dir", saveTo.toString()));
            Path saved = Path.of(string(bob.awaitResult(7, LONG).getAsJsonObject("result"), "path"));
            assertThat(sha256(saved)).isEqualTo(sha256(video));

            bob.request(8, "history", RpcProcess.params("chat", "Alice"));
            assertThat(bob.awaitResult(8, LONG).toString()).contains("[file] talk.mp4 (21.0 MB) complete");
            alice.closeInput();
            bob.closeInput();
            assertThat(alice.awaitExit(LONG)).isZero();
            assertThat(bob.awaitExit(LONG)).isZero();
        }
    }

    /**
     * The sender SIGKILLed in the middle of an 8 MiB transfer: its profile kept the sealed file and the offer, so
     * its next run (a {@code listen}) answers the receiver's re-asks and the file completes, digest equal.
     */
    @Test
    void theSenderKilledMidTransferFinishesItOnItsNextRun() throws Exception {
        pair();
        Path big = randomFile("big.bin", 8 * 1024 * 1024, 4);
        try (RpcProcess bob = process("bob", "jsonrpc")) {
            bob.awaitEvent("started", e -> "started".equals(string(e, "event")), LONG);
            JsonObject progress;
            try (RpcProcess sender = process("alice", "send", "Bob", "--file", big.toString())) {
                progress = bob.awaitEvent("some of the file", e -> "file".equals(string(e, "event"))
                        && e.get("held").getAsInt() >= 8, LONG);
                sender.process().destroyForcibly(); // SIGKILL: no hook, no close
                sender.awaitExit(LONG);
                assertThat(sender.stderr()).contains("sending big.bin: ");
            }
            String id = string(progress, "message");
            assertThat(bob.events()).as("killed in the middle: not complete yet")
                    .noneMatch(e -> isFileEvent(e, "big.bin", "complete"));

            try (RpcProcess alice = process("alice", "listen")) {
                bob.awaitEvent("the file complete", e -> isFileEvent(e, "big.bin", "complete"), LONG);
                alice.awaitLine("the sender sees it delivered", o -> isFileEvent(o, "big.bin", "delivered")
                        && id.equals(string(o, "message")), LONG);
            }
            List<JsonObject> events = bob.events().stream().filter(e -> "file".equals(string(e, "event"))).toList();
            assertThat(events).as("jsonrpc: every change, each with all members").allSatisfy(e -> assertThat(e.keySet())
                    .contains("chat", "message", "name", "size", "type", "state", "held", "count"));
            assertThat(events.size()).isGreaterThan(20);

            Path saveTo = Files.createDirectories(dir.resolve("saved"));
            bob.request(1, "saveFile", RpcProcess.params("chat", "Alice", "message", id, "dir", saveTo.toString()));
            JsonObject result = bob.awaitResult(1, LONG).getAsJsonObject("result");
            Path saved = Path.of(string(result, "path"));
            assertThat(saved).isEqualTo(saveTo.resolve("big.bin"));
            assertThat(sha256(saved)).isEqualTo(sha256(big));
            bob.closeInput();
            assertThat(bob.awaitExit(LONG)).isZero();
        }
    }
}
