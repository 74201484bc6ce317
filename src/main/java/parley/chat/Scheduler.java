package parley.chat;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The chat thread as the chat layer sees it: serial, so chat state needs no locks. {@link #execute} runs a task
 * after the ones before it; {@link #schedule} runs one once {@code delay} has passed on the chat layer's clock.
 * Production runs it on the "parley-chat" thread ({@link ChatThread}); the unit tests on a manual clock, where
 * time moves only when the test says.
 */
interface Scheduler extends Executor {
    Scheduled schedule(Runnable task, Duration delay);

    /** A scheduled task: cancelling one that ran or was cancelled does nothing. */
    interface Scheduled {
        void cancel();
    }
}
