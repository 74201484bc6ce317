package parley.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/** Records what a connection reports, on its own serial executor (as the chat layer would). */
final class RecordingListener implements ConnectionListener, AutoCloseable {
    record Message(String text, boolean retained) {
    }

    final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(byte[] payload, boolean retained) {
        threads.add(Thread.currentThread().getName());
        messages.add(new Message(new String(payload, StandardCharsets.UTF_8), retained));
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        threads.add(Thread.currentThread().getName());
        states.add(state);
    }

    List<ConnectionState> states() {
        return List.copyOf(states);
    }

    <T extends ConnectionState> List<T> states(Class<T> type) {
        return states.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    List<String> texts() {
        return messages.stream().map(Message::text).toList();
    }

    /** Names of the threads the listener was called on. */
    List<String> threads() {
        return List.copyOf(threads);
    }

    /** Waits for a state of {@code type} reported after {@code skip} earlier states. */
    <T extends ConnectionState> T await(Class<T> type, int skip, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConnectionState> now = states();
            for (int i = skip; i < now.size(); i++) {
                if (type.isInstance(now.get(i))) return type.cast(now.get(i));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; states: " + states());
    }

    <T extends ConnectionState> T await(Class<T> type, Duration timeout) throws InterruptedException {
        return await(type, 0, timeout);
    }

    /** Waits until {@code condition} holds for the message list, or fails naming what arrived. */
    List<String> awaitTexts(Predicate<List<String>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(texts())) return texts();
            Thread.sleep(10);
        }
        throw new AssertionError("messages did not arrive within " + timeout + ": " + texts()
                + "; states: " + states());
    }

    int stateCount() {
        return states.size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
