package parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley listen [CHAT]}: stays connected and prints what happens as JSON lines. */
@Command(name = "listen", description = {
        "Stay online: receive, acknowledge and re-send, printing events as JSON lines on stdout.",
        "Events: message, delivery, file (a file's progress: each state, and every 10%), dropped, ready, removed,",
        "unanswered, connection.",
        "Messages that earlier commands took in and no listen has shown yet come first."})
final class ListenCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CHAT", description = "Only this chat (id, id prefix or name).")
    String chat;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N incoming messages.")
    Integer count;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Exit after this long (exit code 6 if --count was not reached).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            Optional<ChatId> only = chat == null ? Optional.empty() : Optional.of(profile.chats().resolve(chat).join());
            Instant deadline = timeout == null ? Instant.MAX : Instant.now().plus(timeout);
            Backlog backlog = new Backlog(profile.chats());
            TransferLines transfers = new TransferLines();
            int received = backlog.drain(only, count == null ? Integer.MAX_VALUE : count, m -> {
                out.println(TerminalText.json(JsonLines.message(m)));
                out.flush();
            });
            while (count == null || received < count) {
                Duration left = deadline == Instant.MAX ? Duration.ofDays(1) : Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    if (count != null) {
                        throw new CliFailure(ExitCode.TIMEOUT, "received " + received + " of " + count + " messages");
                    }
                    return ExitCode.OK.code;
                }
                Optional<ChatEvent> event = events.next(left);
                if (event.isEmpty() || (only.isPresent() && !only.get().equals(event.get().chat()))) {
                    continue;
                }
                Optional<Message> incoming = event.get() instanceof ChatEvent.MessageAdded added
                        && !added.message().outgoing() ? Optional.of(added.message()) : Optional.empty();
                if (incoming.isPresent() && !backlog.isNew(incoming.get())) {
                    continue; // the backlog above printed it
                }
                if (event.get() instanceof ChatEvent.TransferChanged change && !transfers.worthALine(change)) {
                    continue;
                }
                JsonLines.event(event.get()).ifPresent(line -> {
                    out.println(TerminalText.json(line));
                    out.flush();
                });
                if (incoming.isPresent()) {
                    received++;
                    backlog.shown(incoming.get());
                }
            }
            return ExitCode.OK.code;
        }
    }
}
