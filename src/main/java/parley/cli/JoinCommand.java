package parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.chat.ChatBroker;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.chat.ChatService;
import parley.invite.Invite;
import parley.invite.InviteException;
import parley.invite.InviteLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley join LINK}: answers an invite and waits for the inviter's welcome. */
@Command(name = "join", description = "Join the chat an invite link offers and wait for the inviter's welcome.")
final class JoinCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LINK", arity = "0..1", description = "The invite link (quote it: it contains '&'), "
            + "or - to read it from stdin. On the command line it is visible to other users of this computer "
            + "(/proc) and kept in shell history: prefer - or --file.")
    String link;

    @Option(names = "--file", paramLabel = "PATH", description = "Read the invite link from this file.")
    Path file;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
            description = "How long to wait for the welcome (default 2m); the join stays pending after that.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            String invite = new ArgumentInput("invite link", 8192)
                    .read(Optional.ofNullable(link), Optional.ofNullable(file), parent.stdin).strip();
            sayWhere(profile.chats(), invite, err);
            ChatId chat = profile.chats().join(invite).join();
            err.println("join sent for chat " + chat + "; waiting for the welcome");
            err.flush();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Optional<ChatEvent> event = events.next(Duration.between(Instant.now(), deadline));
                if (event.isEmpty()) {
                    throw new CliFailure(ExitCode.TIMEOUT, "no answer: the invite may have been used, cancelled or "
                            + "expired. The join stays pending ('parley listen' keeps waiting, 'parley delete " + chat
                            + "' gives up)");
                }
                EventWaiter.failOnBrokerRefusal(event.get(), chat);
                switch (event.get()) {
                    case ChatEvent.ChatReady ready when ready.chat().equals(chat) -> {
                        out.println("joined: " + chat + " " + TerminalText.escape(ready.snapshot().name()));
                        out.flush();
                        return ExitCode.OK.code;
                    }
                    case ChatEvent.ChatChanged changed when changed.chat().equals(chat)
                            && changed.snapshot().phase() == ChatPhase.EXPIRED ->
                            throw new CliFailure(ExitCode.BAD_INVITE, "the invite expired before the inviter answered; "
                                    + "ask for a new invite ('parley delete " + chat + "' removes this one)");
                    case ChatEvent.JoinUnanswered unanswered when unanswered.chat().equals(chat) -> {
                        err.println("no answer yet: the invite may have been used, cancelled or expired; still waiting");
                        err.flush();
                    }
                    default -> { }
                }
            }
        }
    }

    /** Names the broker before anything is sent, and says so plainly when it is not the user's own. */
    private static void sayWhere(ChatService service, String link, PrintWriter err) {
        Invite invite;
        try {
            invite = InviteLink.parse(link, Clock.systemUTC());
        } catch (InviteException e) {
            return; // the join below refuses it with the reason
        }
        ChatBroker broker = service.brokerOf(invite);
        err.println("invite from " + TerminalText.escape(invite.name().orElse("(no name given)")) + " on broker " + broker.address()
                + (broker.own() ? " (your broker)" : ": not your broker, so your broker login is not sent to it "
                        + "and only the system's CA certificates are trusted for it"));
        err.flush();
    }
}
