package parley.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;

/** What one inbox connection reported: its states and the texts it received, on its own serial executor. */
final class StateLog implements ConnectionListener, AutoCloseable {
    final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "cluster-test-callbacks"));
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(byte[] payload, boolean retained) {
        texts.add(new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void onStateChanged(ConnectionState state) {
        states.add(state);
    }

    List<ConnectionState> states() {
        return List.copyOf(states);
    }

    <T extends ConnectionState> List<T> states(Class<T> type) {
        return states.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<String> texts() {
        return List.copyOf(texts);
    }

    /** The first state of {@code type}, waiting up to {@code timeout}; fails with what was reported. */
    <T extends ConnectionState> T await(Class<T> type, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<T> found = states(type);
            if (!found.isEmpty()) return found.getFirst();
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; states: " + states);
    }

    void awaitTexts(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (texts.size() < count && System.nanoTime() < end) Thread.sleep(20);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
