package parley.chat;

import java.time.Duration;

/**
 * The chat layer's clocks (docs/protocol.md sections 4 and 6). Production uses {@link #standard()}; tests shorten them
 * by configuration, never by detecting that they run.
 *
 * @param resendFirst      first re-send of an unacknowledged message or handshake
 * @param resendMax        cap of the doubling re-send back-off
 * @param ackBatch         how long received ids wait to share one ack
 * @param joinUnanswered   when a join without a welcome is reported as unanswered
 * @param inviteValidity   how long a new invite is accepted
 * @param rekeyAfterMessages an automatic rekey once this side sent this many messages since the last one
 * @param rekeyAfterAge    an automatic rekey once the current epoch is this old
 * @param oldKeyGrace      how long a replaced key still decrypts after the peer first used the newer one
 * @param clockSkew        how far the two sides' clocks may differ: a welcome is late once the invite expired this
 *                         long ago by the joiner's clock (docs/protocol.md section 4, step 7)
 */
public record ChatTimings(Duration resendFirst, Duration resendMax, Duration ackBatch, Duration joinUnanswered,
                          Duration inviteValidity, long rekeyAfterMessages, Duration rekeyAfterAge,
                          Duration oldKeyGrace, Duration clockSkew) {
    public ChatTimings {
        if (resendFirst.isNegative() || resendFirst.isZero() || resendMax.compareTo(resendFirst) < 0) {
            throw new IllegalArgumentException("resend back-off must be positive and its cap at least its start");
        }
        if (inviteValidity.isNegative() || inviteValidity.isZero()) {
            throw new IllegalArgumentException("invite validity must be positive");
        }
        if (rekeyAfterMessages < 1 || rekeyAfterAge.isNegative() || rekeyAfterAge.isZero() || oldKeyGrace.isNegative()) {
            throw new IllegalArgumentException("rekey thresholds must be positive and the grace not negative");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("the clock skew allowance must not be negative");
        }
    }

    public static ChatTimings standard() {
        return new ChatTimings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(30), Duration.ofHours(24), 1_000, Duration.ofDays(7), Duration.ofHours(1),
                Duration.ofMinutes(5));
    }

    public ChatTimings withResend(Duration first, Duration max) {
        return new ChatTimings(first, max, ackBatch, joinUnanswered, inviteValidity, rekeyAfterMessages,
                rekeyAfterAge, oldKeyGrace, clockSkew);
    }

    public ChatTimings withJoinUnanswered(Duration d) {
        return new ChatTimings(resendFirst, resendMax, ackBatch, d, inviteValidity, rekeyAfterMessages,
                rekeyAfterAge, oldKeyGrace, clockSkew);
    }

    public ChatTimings withRekey(long afterMessages, Duration afterAge, Duration grace) {
        return new ChatTimings(resendFirst, resendMax, ackBatch, joinUnanswered, inviteValidity, afterMessages,
                afterAge, grace, clockSkew);
    }

    public ChatTimings withClockSkew(Duration skew) {
        return new ChatTimings(resendFirst, resendMax, ackBatch, joinUnanswered, inviteValidity, rekeyAfterMessages,
                rekeyAfterAge, oldKeyGrace, skew);
    }
}
