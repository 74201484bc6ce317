package parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley rekey CHAT}: refreshes the chat's keys and waits until both sides use the new ones. */
@Command(name = "rekey", description = {
        "Refresh a chat's keys: a new key is agreed with your friend's Parley, and old keys are erased an hour",
        "after the switch, so a key stolen later cannot read what was sent before."})
final class RekeyCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CHAT")
    String chat;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "How long to wait for your friend's Parley to answer (default 30s). The refresh stays "
                    + "pending and completes when it answers.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ProfileOpener.OpenProfile profile = parent.open();
             EventWaiter events = new EventWaiter(profile.chats())) {
            ChatId id = profile.chats().resolve(chat).join();
            long before = profile.chats().chat(id).join().epoch();
            profile.chats().rekey(id).join();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Optional<ChatEvent> event = events.next(Duration.between(Instant.now(), deadline));
                if (event.isEmpty()) {
                    throw new CliFailure(ExitCode.TIMEOUT, "your friend's Parley has not answered yet; the key "
                            + "refresh completes when it does (it stays pending)");
                }
                EventWaiter.failOnBrokerRefusal(event.get(), id);
                if (event.get() instanceof ChatEvent.ChatChanged changed && changed.chat().equals(id)
                        && changed.snapshot().epoch() > before) {
                    out.println("keys refreshed: epoch " + changed.snapshot().epoch());
                    out.flush();
                    return ExitCode.OK.code;
                }
            }
        }
    }
}
