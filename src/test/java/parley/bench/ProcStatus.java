package parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** This process's memory and thread figures, as Linux counts them ({@code /proc/self}). */
record ProcStatus(long peakRssBytes, long rssBytes, int threads) {
    static ProcStatus now() {
        try {
            long hwm = 0;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) hwm = kib(line);
                if (line.startsWith("VmRSS:")) rss = kib(line);
            }
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                return new ProcStatus(hwm, rss, (int) tasks.count());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self (the benchmarks need Linux)", e);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
}
