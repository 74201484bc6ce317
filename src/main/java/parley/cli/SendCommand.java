package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.crypto.ChatId;
import parley.chat.Delivery;
import parley.chat.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley send CHAT TEXT}: sends one message and waits until the broker (or the peer) has it. */
@Command(name = "send", description = "Send a message. It is kept in the outbox until your friend acknowledges it.")
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CHAT", description = "Chat id, id prefix or name.")
    String chat;

    @Parameters(index = "1", paramLabel = "TEXT", arity = "0..1", description = "The message (up to 16384 bytes "
            + "of UTF-8), or - to read it from stdin. On the command line it is visible to other users of this "
            + "computer (/proc) and kept in shell history: prefer - or --file.")
    String text;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the message from this file (UTF-8; one "
            + "trailing line end is dropped).")
    Path file;

    @Option(names = "--until", defaultValue = "sent",
            description = "Wait until the message is queued, sent (the broker took it; default) or delivered "
                    + "(your friend's Parley acknowledged it).")
    DeliveryWait.Until until;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "How long to wait (default 30s). The message stays in the outbox either way.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            ChatId id = profile.chats().resolve(chat).join();
            String message = new ArgumentInput("message", parley.protocol.Msg.MAX_TEXT_BYTES)
                    .read(Optional.ofNullable(text), Optional.ofNullable(file), parent.stdin);
            Message sent = profile.chats().send(id, message).join();
            Delivery reached = DeliveryWait.await(events, sent, until, timeout);
            out.println(sent.id() + " " + reached.name().toLowerCase());
            out.flush();
            return ExitCode.OK.code;
        }
    }
}
