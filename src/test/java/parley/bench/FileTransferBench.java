package parley.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import parley.chat.ChatEvent;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;

/**
 * Benchmark 7: one file of {@code bytes} sent one way, timed from {@code sendFile} (sealing included) to the
 * receiver holding it whole with its digest checked; and the heap it takes: the largest live heap seen while it
 * moves (both sides are in this JVM), measured right after a {@code System.gc()} every 500 ms (which costs the
 * transfer a few per cent), so a transfer that buffered the file would show it. Run for two sizes in the same
 * JVM, the ratio says whether memory grows with the file.
 */
final class FileTransferBench {
    record Result(long bytes, long elapsedNanos, double mibPerSecond, long liveHeapBefore, long liveHeapMax) {}

    private FileTransferBench() {}

    static Result run(URI broker, Path caFile, Path work, int bytes, long timeoutMillis) throws Exception {
        Path file = work.resolve("payload.bin");
        Files.createDirectories(work);
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        Files.write(file, content);
        content = null;
        try (BenchParty a = BenchParty.start("Alice", work.resolve("a"), broker, caFile);
             BenchParty b = BenchParty.start("Bob", work.resolve("b"), broker, caFile)) {
            BenchParty.await(b.service.files().setAutoDownloadLimit(Math.max(bytes, 1)), "the download limit");
            BenchParty.Pair chat = BenchParty.pair(a, b);
            CompletableFuture<Void> complete = new CompletableFuture<>();
            ChatId at = chat.atJoiner();
            Consumer<ChatEvent> listener = e -> {
                if (e instanceof ChatEvent.TransferChanged t && t.chat().equals(at)) {
                    if (t.attachment().state() == TransferState.COMPLETE) complete.complete(null);
                    if (t.attachment().state() == TransferState.FAILED) {
                        complete.completeExceptionally(new IllegalStateException("the file failed its digest"));
                    }
                }
            };
            b.addListener(listener);
            long before = liveHeap();
            long[] max = {before};
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!complete.isDone()) {
                    max[0] = Math.max(max[0], liveHeap());
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            Message sent = BenchParty.await(a.service.files().send(chat.atInviter(), file), "sealing the file");
            complete.get(timeoutMillis, TimeUnit.MILLISECONDS);
            long elapsed = System.nanoTime() - start;
            sampler.interrupt();
            sampler.join();
            if (sent.attachment().isEmpty()) {
                throw new IllegalStateException("the sent message carries no file");
            }
            return new Result(bytes, elapsed, bytes / (1024.0 * 1024.0) / (elapsed / 1e9), before,
                    Math.max(max[0], liveHeap()));
        }
    }

    /** The heap still reachable: what is in use right after a full collection. */
    private static long liveHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
