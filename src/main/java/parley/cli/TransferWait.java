package parley.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import parley.chat.Attachment;
import parley.chat.ChatEvent;
import parley.chat.Message;
import parley.chat.TransferState;

/**
 * Waits until a file's transfer ends (the peer has all of it, or it arrived whole here), showing its progress:
 * {@code send --file} and {@code download}. Like {@link DeliveryWait} it reads the events of an {@link EventWaiter}
 * registered before the command acted, so no change is missed.
 */
final class TransferWait {
    private TransferWait() {}

    /**
     * The attachment once it is in {@code done}. A state in {@code failed} ends the command with exit code 7 and
     * the reason; {@code timeout} passing first with exit code 6. Either way the transfer itself goes on with the
     * next run.
     */
    static Attachment await(EventWaiter events, Message message, Attachment start, Set<TransferState> done,
            Set<TransferState> failed, Optional<Duration> timeout, ProgressLine progress) throws InterruptedException {
        Instant deadline = timeout.map(t -> Instant.now().plus(t)).orElse(Instant.MAX);
        Attachment now = start;
        progress.update(now);
        try {
            while (!done.contains(now.state())) {
                if (failed.contains(now.state())) {
                    progress.finish();
                    throw new CliFailure(ExitCode.CHAT, TerminalText.escape(now.name()) + ": " + reason(now));
                }
                Duration left = deadline == Instant.MAX ? Duration.ofDays(1) : Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    progress.finish();
                    throw new CliFailure(ExitCode.TIMEOUT, TerminalText.escape(now.name()) + " is at "
                            + now.chunksHeld() + " of " + now.chunkCount() + " parts after " + timeout.orElseThrow()
                            .toSeconds() + " s; the transfer continues the next time Parley runs on this profile");
                }
                Optional<ChatEvent> event = events.next(left);
                if (event.isEmpty()) {
                    continue;
                }
                EventWaiter.failOnBrokerRefusal(event.get(), message.chat());
                if (event.get() instanceof ChatEvent.TransferChanged t && t.message().equals(message.id())) {
                    now = t.attachment();
                    progress.update(now);
                }
            }
        } finally {
            progress.finish();
        }
        return now;
    }

    private static String reason(Attachment a) {
        return a.problem().orElseGet(() -> switch (a.state()) {
            case CANCELLED -> "the transfer was cancelled";
            case UNSUPPORTED -> "your friend's Parley cannot receive files";
            case GONE -> "your friend no longer offers this file";
            case FAILED -> "the file did not match what was announced; nothing of it is kept";
            default -> a.state().name().toLowerCase();
        });
    }
}
