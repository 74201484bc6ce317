package parley.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import parley.chat.ChatEvent;
import parley.crypto.ChatId;

/**
 * Benchmark 2: latency of one message between two chat endpoints of the core in one process, next to bare Paho
 * on the same broker. Latency is one-way, read on one clock: from the sender's {@code ChatService.send} call to
 * the receiver's {@code MessageAdded} event (sealed, published at QoS 1, delivered by the broker, opened, checked
 * for duplicates, stored, announced). Messages go one at a time; bare Paho publishes payloads of the same size
 * (a sealed 200-byte msg) from one client to the other.
 */
final class RoundTripBench {
    static final int TEXT_BYTES = 200;

    /** {@code parleyInMemoryFs}: the same with both profiles on tmpfs, where a disk sync costs nothing. */
    record Result(Samples parley, Samples parleyInMemoryFs, Samples raw, int payloadBytes) {}

    private RoundTripBench() {}

    static Result run(URI broker, Path caFile, Path work, Path tmpfsWork, int messages, int warmup) throws Exception {
        Samples parley = parley(broker, caFile, work, messages, warmup);
        Samples inMemory = parley(broker, caFile, tmpfsWork, messages, warmup);
        int payloadBytes = CodecSample.of(TEXT_BYTES).payload().length;
        byte[] payload = new byte[payloadBytes];
        long[] raw = new long[messages];
        try (RawPaho paho = RawPaho.connect(broker, caFile)) {
            for (int i = 0; i < warmup; i++) paho.oneWay(payload);
            for (int i = 0; i < messages; i++) raw[i] = paho.oneWay(payload);
        }
        return new Result(parley, inMemory, Samples.ofNanos(raw), payloadBytes);
    }

    private static Samples parley(URI broker, Path caFile, Path work, int messages, int warmup) throws Exception {
        try (BenchParty a = BenchParty.start("Alice", work.resolve("a"), broker, caFile);
             BenchParty b = BenchParty.start("Bob", work.resolve("b"), broker, caFile)) {
            BenchParty.Pair chat = BenchParty.pair(a, b);
            return oneWay(a, chat.atInviter(), b, chat.atJoiner(), messages, warmup);
        }
    }

    /** Sends {@code warmup + messages} texts one at a time; returns the latencies of the last {@code messages}. */
    static Samples oneWay(BenchParty from, ChatId fromChat, BenchParty to, ChatId toChat, int messages, int warmup)
            throws InterruptedException {
        BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(16);
        Consumer<ChatEvent> listener = e -> {
            if (e instanceof ChatEvent.MessageAdded m && m.chat().equals(toChat) && !m.message().outgoing()) {
                arrivals.offer(System.nanoTime());
            }
        };
        to.addListener(listener);
        try {
            String text = CodecSample.text(TEXT_BYTES);
            long[] latencies = new long[messages];
            for (int i = 0; i < warmup + messages; i++) {
                long start = System.nanoTime();
                from.service.send(fromChat, text);
                Long arrived = arrivals.poll(30, TimeUnit.SECONDS);
                if (arrived == null) throw new IllegalStateException("message " + i + " did not arrive within 30 s");
                if (i >= warmup) latencies[i - warmup] = arrived - start;
            }
            return Samples.ofNanos(latencies);
        } finally {
            to.removeListener(listener);
        }
    }
}
