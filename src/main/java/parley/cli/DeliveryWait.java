package parley.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import parley.chat.ChatEvent;
import parley.chat.Delivery;
import parley.chat.Message;

/** Waits until a message just sent reaches a delivery step: the broker took it, or the peer's Parley has it. */
final class DeliveryWait {
    /** How far to wait: {@code send --until} and the JSON-RPC send's {@code until}. */
    enum Until { queued, sent, delivered }

    private DeliveryWait() {}

    /**
     * The step {@code sent} reached within {@code timeout}; {@code events} was registered before the send. Fails
     * with {@link ExitCode#TIMEOUT} (the message stays in the outbox) or {@link ExitCode#BROKER}.
     */
    static Delivery await(EventWaiter events, Message sent, Until until, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Delivery reached = sent.delivery();
        while (!reaches(until, reached)) {
            Optional<ChatEvent> event = events.next(Duration.between(Instant.now(), deadline));
            if (event.isEmpty()) {
                throw new CliFailure(ExitCode.TIMEOUT, "message " + sent.id() + " is " + describe(reached)
                        + " but not yet " + until + "; it stays in the outbox and goes out with the next run");
            }
            EventWaiter.failOnBrokerRefusal(event.get(), sent.chat());
            if (event.get() instanceof ChatEvent.DeliveryChanged d && d.message().equals(sent.id())) {
                reached = d.delivery();
            }
        }
        return reached;
    }

    private static boolean reaches(Until until, Delivery d) {
        return switch (until) {
            case queued -> true;
            case sent -> d == Delivery.SENT || d == Delivery.DELIVERED;
            case delivered -> d == Delivery.DELIVERED;
        };
    }

    private static String describe(Delivery d) {
        return d == Delivery.QUEUED ? "queued (the broker has not taken it)" : d.name().toLowerCase();
    }
}
