package parley.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import parley.chat.Chat;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.ChatService;

/** Collects a chat service's events for a command that waits on them; register before acting. */
final class EventWaiter implements AutoCloseable {
    private final ChatService service;
    private final BlockingQueue<ChatEvent> events = new LinkedBlockingQueue<>();
    private final Consumer<ChatEvent> listener = events::add;

    EventWaiter(ChatService service) {
        this.service = service;
        service.addListener(listener);
    }

    /** The next event, or empty when {@code timeout} passes first. */
    Optional<ChatEvent> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Ends the command with exit code 4 when {@code chat}'s broker refused us for good (TLS, credentials). */
    static void failOnBrokerRefusal(ChatEvent event, ChatId chat) {
        if (event instanceof ChatEvent.ChatChanged changed && changed.chat().equals(chat)
                && changed.snapshot().connection().status() == Chat.Connection.Status.FAILED) {
            throw new CliFailure(ExitCode.BROKER, "cannot connect to the broker: "
                    + changed.snapshot().connection().detail());
        }
    }

    @Override
    public void close() {
        service.removeListener(listener);
    }
}
