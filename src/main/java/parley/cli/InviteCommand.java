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

/**
 * {@code parley invite}: makes an invite, waits until it is live (its inbox subscribed at the broker), then shows
 * it as a link and a terminal QR code and waits for the join.
 */
@Command(name = "invite", description = {
        "Create an invite: once the broker holds its inbox, prints the link (first line of output) and a QR code,",
        "then waits until someone joins. Until then it says on stderr that it waits for the server.",
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
            PendingInvite invite = awaitLive(profile.chats().createInvite(Optional.ofNullable(expires)).join(),
                    events, err);
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

    /**
     * The link goes out only once the invite inbox exists at the broker: a join sent before would be lost there.
     * Meanwhile stderr says what the connection is doing, each change once.
     */
    private static PendingInvite awaitLive(PendingInvite created, EventWaiter events, PrintWriter err)
            throws InterruptedException {
        err.println("invite " + created.chat() + " is not live yet: waiting for the server");
        err.flush();
        String said = "";
        while (true) {
            Optional<ChatEvent> event = events.next(Duration.between(Instant.now(), created.expires()));
            if (event.isEmpty()) {
                throw new CliFailure(ExitCode.BROKER, "the invite expired before the server could be reached");
            }
            EventWaiter.failOnBrokerRefusal(event.get(), created.chat());
            switch (event.get()) {
                case ChatEvent.InviteLive live when live.chat().equals(created.chat()) -> {
                    return live.invite();
                }
                case ChatEvent.ChatChanged changed when changed.chat().equals(created.chat()) -> {
                    String now = changed.snapshot().connection().detail();
                    if (!now.equals(said)) {
                        said = now;
                        err.println("not live yet: " + said);
                        err.flush();
                    }
                }
                default -> { }
            }
        }
    }
}
