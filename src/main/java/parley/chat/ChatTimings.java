package parley.chat;

import java.time.Duration;

/**
 * The chat layer's clocks (PROTOCOL.md sections 4 and 6). Production uses {@link #standard()}; tests shorten them
 * by configuration, never by detecting that they run.
 *
 * @param resendFirst      first re-send of an unacknowledged message or handshake
 * @param resendMax        cap of the doubling re-send back-off
 * @param ackBatch         how long received ids wait to share one ack
 * @param joinUnanswered   when a join without a welcome is reported as unanswered
 * @param inviteValidity   how long a new invite is accepted
 */
public record ChatTimings(Duration resendFirst, Duration resendMax, Duration ackBatch, Duration joinUnanswered,
                          Duration inviteValidity) {
    public ChatTimings {
        if (resendFirst.isNegative() || resendFirst.isZero() || resendMax.compareTo(resendFirst) < 0) {
            throw new IllegalArgumentException("resend back-off must be positive and its cap at least its start");
        }
        if (inviteValidity.isNegative() || inviteValidity.isZero()) {
            throw new IllegalArgumentException("invite validity must be positive");
        }
    }

    public static ChatTimings standard() {
        return new ChatTimings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(30), Duration.ofHours(24));
    }

    public ChatTimings withResend(Duration first, Duration max) {
        return new ChatTimings(first, max, ackBatch, joinUnanswered, inviteValidity);
    }

    public ChatTimings withJoinUnanswered(Duration d) {
        return new ChatTimings(resendFirst, resendMax, ackBatch, d, inviteValidity);
    }
}
