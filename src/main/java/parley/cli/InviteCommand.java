package parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.chat.ChatEvent;
import parley.chat.PendingInvite;
import parley.invite.qr.QrCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley invite}: shows a new invite as a link and a terminal QR code, then waits for the join. */
@Command(name = "invite", description = {
        "Create an invite: prints the link (first line of output) and a QR code, then waits until someone joins.",
        "Show it only to the person you invite: whoever uses it first gets the chat."})
final class InviteCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--expires", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the invite is valid (default 24h).")
    Duration expires;

    @Option(names = "--no-wait", description = "Print the invite and exit; a later 'parley listen' completes the join.")
    boolean noWait;

    @Option(names = "--no-qr", description = "Print only the link.")
    boolean noQr;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            PendingInvite invite = profile.chats().createInvite(Optional.ofNullable(expires)).join();
            out.println(invite.link());
            if (!noQr) {
                out.println(QrCodes.toTerminal(invite.link()));
            }
            out.flush();
            err.println("invite " + invite.chat() + " is valid until " + invite.expires()
                    + "; waiting for your friend to join (Ctrl+C stops waiting; the invite stays open)");
            err.flush();
            if (noWait) {
                return ExitCode.OK.code;
            }
            while (true) {
                Duration left = Duration.between(Instant.now(), invite.expires());
                Optional<ChatEvent> event = events.next(left);
                if (event.isEmpty()) {
                    throw new CliFailure(ExitCode.TIMEOUT, "nobody joined before the invite expired");
                }
                EventWaiter.failOnBrokerRefusal(event.get(), invite.chat());
                switch (event.get()) {
                    case ChatEvent.ChatReady ready when ready.chat().equals(invite.chat()) -> {
                        out.println("joined: " + ready.chat() + " " + TerminalText.escape(ready.snapshot().name()));
                        out.flush();
                        return ExitCode.OK.code;
                    }
                    case ChatEvent.ChatRemoved removed when removed.chat().equals(invite.chat()) ->
                            throw new CliFailure(ExitCode.TIMEOUT, "the invite ended: " + removed.why());
                    default -> { }
                }
            }
        }
    }
}
