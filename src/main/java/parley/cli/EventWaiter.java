package parley.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import parley.chat.ChatEvent;
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

    @Override
    public void close() {
        service.removeListener(listener);
    }
}
