package parley.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;
import parley.chat.Message;

/**
 * Benchmark 3: {@code messages} texts sent one way as fast as the core takes them ({@code send} after
 * {@code send}, no waiting), timed from the first send call to the last arrival at the receiver's chat service.
 * The receiver's service de-duplicates; the benchmark checks that every text arrived, and in order.
 */
final class BurstBench {
    record Result(int sent, int arrived, boolean inOrder, String disorder, double perSecond, double sendPerSecond,
                  long elapsedNanos) {}

    private BurstBench() {}

    static Result run(URI broker, Path caFile, Path work, int messages, long timeoutMillis) throws Exception {
        try (BenchParty a = BenchParty.start("Alice", work.resolve("a"), broker, caFile);
             BenchParty b = BenchParty.start("Bob", work.resolve("b"), broker, caFile)) {
            BenchParty.Pair chat = BenchParty.pair(a, b);
            List<Integer> arrivedInOrder = new ArrayList<>(messages);
            long[] lastArrival = new long[1];
            CompletableFuture<Void> all = new CompletableFuture<>();
            ChatId at = chat.atJoiner();
            // called on B's chat thread only, so the list needs no lock; read after `all` or under the same monitor
            Consumer<ChatEvent> listener = e -> {
                if (e instanceof ChatEvent.MessageAdded m && m.chat().equals(at) && !m.message().outgoing()) {
                    synchronized (arrivedInOrder) {
                        arrivedInOrder.add(indexOf(m.message()));
                        lastArrival[0] = System.nanoTime();
                        if (arrivedInOrder.size() == messages) all.complete(null);
                    }
                }
            };
            b.addListener(listener);
            String padding = CodecSample.text(RoundTripBench.TEXT_BYTES - 8);
            long start = System.nanoTime();
            CompletableFuture<?> lastSend = null;
            for (int i = 0; i < messages; i++) {
                lastSend = a.service.send(chat.atInviter(), String.format("%07d ", i) + padding);
            }
            BenchParty.await(lastSend, "the last send");
            long sent = System.nanoTime();
            try {
                all.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // reported as fewer arrivals
            }
            synchronized (arrivedInOrder) {
                int arrived = arrivedInOrder.size();
                boolean inOrder = true;
                String disorder = "";
                for (int i = 0; i < arrived && inOrder; i++) {
                    if (arrivedInOrder.get(i) != i) {
                        inOrder = false;
                        disorder = "arrival " + i + " was message " + arrivedInOrder.get(i) + " (then "
                                + arrivedInOrder.subList(i + 1, Math.min(arrived, i + 6)) + ")";
                    }
                }
                long elapsed = (arrived == 0 ? sent : lastArrival[0]) - start;
                return new Result(messages, arrived, inOrder && arrived == messages, disorder, arrived / (elapsed / 1e9),
                        messages / ((sent - start) / 1e9), elapsed);
            }
        }
    }

    private static int indexOf(Message m) {
        return Integer.parseInt(m.text().substring(0, 7));
    }
}
