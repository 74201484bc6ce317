package parley.chat;

import java.time.Duration;
import java.util.TreeSet;

/**
 * A receiver's live view of one download (docs/protocol.md section 9.4): the chunks asked for and not yet come
 * (the window), how many came since the last ask, and the back-off of asking again. Lost on restart by design:
 * the next connect asks again from the first missing chunk.
 */
final class Download {
    static final Duration ASK_FIRST = Duration.ofSeconds(10);
    static final Duration ASK_MAX = Duration.ofSeconds(60);

    final TreeSet<Integer> outstanding = new TreeSet<>();
    int arrivedSinceAsk;
    Duration backoff = ASK_FIRST;
    Scheduler.Scheduled timer;

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Progress: the next silence is waited for from the start of the back-off again. */
    void progressed() {
        backoff = ASK_FIRST;
    }

    void silent() {
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(ASK_MAX) > 0 ? ASK_MAX : doubled;
    }
}
