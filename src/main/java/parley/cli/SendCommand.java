package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import parley.chat.Attachment;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley send CHAT TEXT}: sends one message and waits until the broker (or the peer) has it.
 * {@code parley send CHAT --file PATH}: sends a file and waits until the peer has all of it.
 */
@Command(name = "send", description = {"Send a message or a file. A message is kept in the outbox until your "
        + "friend acknowledges it; a file is kept in the profile and offered until your friend has all of it."})
final class SendCommand implements Callable<Integer> {
    private static final Duration TEXT_TIMEOUT = Duration.ofSeconds(30);

    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHAT", description = "Chat id, id prefix or name.")
    String chat;

    @Parameters(index = "1", paramLabel = "TEXT", arity = "0..1", description = "The message (up to 16384 bytes "
            + "of UTF-8), or - to read it from stdin. On the command line it is visible to other users of this "
            + "computer (/proc) and kept in shell history: prefer - or --text-file.")
    String text;

    @Option(names = "--text-file", paramLabel = "PATH", description = "Read the message from this file (UTF-8; one "
            + "trailing line end is dropped).")
    Path textFile;

    @Option(names = "--file", paramLabel = "PATH", description = "Send this file (up to 100 MiB) instead of a "
            + "message: it is encrypted into the profile, progress is shown on stderr, and the command waits until "
            + "your friend has all of it. Interrupted, the transfer continues the next time Parley runs.")
    Path file;

    @Option(names = "--until", description = "For a message: wait until it is queued, sent (the broker took it; "
            + "default) or delivered (your friend's Parley acknowledged it).")
    DeliveryWait.Until until;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait (a message: default 30s; a file: until it is delivered). The message "
                    + "or file stays queued either way.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (file != null && (text != null || textFile != null)) {
            throw new CliFailure(ExitCode.USAGE, "give a message (TEXT, - or --text-file) or --file, not both");
        }
        if (file == null && text == null && textFile == null) {
            throw new CliFailure(ExitCode.USAGE, "give a message (TEXT, - to read it from stdin, or --text-file PATH) "
                    + "or a file to send (--file PATH)");
        }
        if (file != null && until != null) {
            throw new CliFailure(ExitCode.USAGE, "--until is for messages; --file waits until your friend has the "
                    + "whole file");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            ChatId id = profile.chats().resolve(chat).join();
            if (file != null) {
                Message sent = sendFile(profile, events, id);
                out.println(sent.id() + " delivered");
            } else {
                String message = new ArgumentInput("message", parley.protocol.Msg.MAX_TEXT_BYTES, "--text-file")
                        .read(Optional.ofNullable(text), Optional.ofNullable(textFile), parent.stdin);
                Message sent = profile.chats().send(id, message).join();
                Delivery reached = DeliveryWait.await(events, sent,
                        until == null ? DeliveryWait.Until.sent : until, timeout == null ? TEXT_TIMEOUT : timeout);
                out.println(sent.id() + " " + reached.name().toLowerCase());
            }
            out.flush();
            return ExitCode.OK.code;
        }
    }

    private Message sendFile(ProfileOpener.OpenProfile profile, EventWaiter events, ChatId id)
            throws InterruptedException {
        Message sent = profile.chats().files().send(id, file).join();
        Attachment a = sent.attachment().orElseThrow();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C (SIGINT) ends the JVM through its shutdown hooks: the profile keeps the sealed file and its offer
        Thread onInterrupt = new Thread(() -> {
            err.println();
            err.println("parley: stopped; " + TerminalText.escape(a.name()) + " stays offered and its transfer "
                    + "continues the next time Parley runs on this profile (e.g. parley listen)");
            err.flush();
        }, "parley-send-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            TransferWait.await(events, sent, a, Set.of(TransferState.DELIVERED),
                    Set.of(TransferState.UNSUPPORTED, TransferState.CANCELLED), Optional.ofNullable(timeout),
                    new ProgressLine(err, parent.stderrIsTerminal, "sending", a.name()));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran): it says what happens to the transfer
            }
        }
        return sent;
    }
}
