package parley.bench;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import parley.store.BulkHistory;
import parley.store.ProfileStore;

/**
 * Benchmark 5: a chat with a long stored history, opened fresh in a {@link HistoryChild} JVM, for each history
 * length; the memory figures of a short and a long history side by side show whether memory grows with it.
 */
final class HistoryBench {
    static final int TEXT_BYTES = 100;

    record Result(int stored, List<JsonObject> runs) {}

    private HistoryBench() {}

    static List<Result> run(URI broker, Path caFile, Path work, int[] lengths, int runsEach, List<String> childFlags)
            throws Exception {
        List<Result> results = new ArrayList<>();
        for (int length : lengths) {
            Path profile = work.resolve("history-" + length);
            BenchParty.Pair chat;
            try (BenchParty a = BenchParty.start("Alice", profile, broker, caFile);
                 BenchParty b = BenchParty.start("Bob", work.resolve("history-peer-" + length),
                         broker, caFile)) {
                chat = BenchParty.pair(a, b);
            }
            try (ProfileStore store = ProfileStore.open(profile, java.util.Optional.empty())) {
                BulkHistory.fill(store, chat.atInviter(), length, TEXT_BYTES);
            }
            List<JsonObject> runs = new ArrayList<>();
            for (int i = 0; i < runsEach; i++) {
                runs.add(ChildJvm.run(HistoryChild.class, childFlags, profile.toString(), broker.toString(),
                        caFile.toString(), chat.atInviter().value(), Integer.toString(length)));
            }
            results.add(new Result(length, runs));
        }
        return results;
    }
}
