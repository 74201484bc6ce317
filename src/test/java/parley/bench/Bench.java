package parley.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import parley.testing.BrokerStack;

/**
 * Runs Parley's benchmarks (docs/benchmarks.md says what each measures) and writes the report. Started by
 * {@code scripts/bench [--smoke]}, which passes {@code --out docs/benchmarks.md} and the command line it ran.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        List<Figure> figures = new ArrayList<>();
        Set<String> only = options.only();
        if (only.contains("codec")) {
            figures.addAll(BenchRuns.codec(options));
        }
        if (only.contains("roundtrip") || only.contains("burst") || only.contains("scale") || only.contains("history")) {
            try (Workspace work = Workspace.create(); BrokerStack stack = BrokerStack.start()) {
                if (only.contains("roundtrip")) figures.addAll(BenchRuns.roundTrip(options, stack, work));
                if (only.contains("burst")) figures.addAll(BenchRuns.burst(options, stack, work));
                if (only.contains("scale")) figures.addAll(BenchRuns.scale(options, stack, work));
                if (only.contains("history")) figures.addAll(BenchRuns.history(options, stack, work));
            }
        }
        Report report = Report.of(figures, options);
        System.out.println(report.markdown());
        if (options.out().isPresent()) {
            Files.writeString(options.out().get(), report.markdown());
            System.out.println("wrote " + options.out().get());
        }
    }
}
