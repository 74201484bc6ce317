package parley.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import parley.testing.BrokerStack;

/**
 * Runs Parley's benchmarks (docs/benchmarks.md says what each measures) and writes the report. Started by
 * {@code scripts/bench [--smoke]}, which passes {@code --out docs/benchmarks.md} and the command line it ran. A
 * benchmark that fails becomes a row marked failed, with why; the others' figures are still written, and the exit
 * status is 1.
 */
public final class Bench {
    private Bench() {}

    /** One benchmark: the name its failure row carries, and what it measures. */
    record Step(String name, Run run) {
        interface Run {
            List<Figure> figures() throws Exception;
        }
    }

    /** A benchmark on the broker stack, once {@link #onStack} has started it. */
    record StackStep(String name, OnStack run) {
        interface OnStack {
            List<Figure> figures(BrokerStack stack, Workspace work) throws Exception;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Set<String> only = options.only();
        List<Figure> figures = new ArrayList<>();
        if (only.contains("codec")) {
            figures.addAll(run(List.of(new Step("1. codec", () -> BenchRuns.codec(options)))));
        }
        List<StackStep> stackSteps = new ArrayList<>();
        if (only.contains("roundtrip")) stackSteps.add(new StackStep("2. latency", (s, w) -> BenchRuns.roundTrip(options, s, w)));
        if (only.contains("burst")) stackSteps.add(new StackStep("3. burst", (s, w) -> BenchRuns.burst(options, s, w)));
        if (only.contains("scale")) stackSteps.add(new StackStep("4. scale", (s, w) -> BenchRuns.scale(options, s, w)));
        if (only.contains("history")) stackSteps.add(new StackStep("5. history", (s, w) -> BenchRuns.history(options, s, w)));
        if (only.contains("files")) stackSteps.add(new StackStep("7. files", (s, w) -> BenchRuns.files(options, s, w)));
        figures.addAll(onStack(stackSteps));
        Report report = Report.of(figures, options);
        System.out.println(report.markdown());
        if (options.out().isPresent()) {
            Files.writeString(options.out().get(), report.markdown());
            System.out.println("wrote " + options.out().get());
        }
        if (figures.stream().anyMatch(f -> f.verdict() == Figure.Verdict.FAILED)) {
            System.exit(1);
        }
    }

    /** Starts one broker stack for all of {@code steps}; if it cannot start, each is a failed row. */
    static List<Figure> onStack(List<StackStep> steps) {
        List<Figure> figures = new ArrayList<>();
        if (steps.isEmpty()) {
            return figures;
        }
        // room beyond the 1,000 per listener a server ships with: the scale benchmark's one process holds a
        // connection per chat, and building its profile holds the peers' too (docs/benchmarks.md, scale)
        try (Workspace work = Workspace.create();
             BrokerStack stack = BrokerStack.start(BrokerStack.Options.defaults().withMaxConnections(2_500))) {
            figures.addAll(run(steps.stream()
                    .map(step -> new Step(step.name(), () -> step.run().figures(stack, work))).toList()));
        } catch (Exception e) {
            if (figures.isEmpty()) {
                steps.forEach(step -> figures.add(Figure.failed(step.name(), e)));
            } else {
                figures.add(Figure.failed("broker stack", e)); // it failed to stop: the figures stand
            }
        }
        return figures;
    }

    /** Runs each step in turn; one that throws becomes its failed row and the next one still runs. */
    static List<Figure> run(List<Step> steps) {
        List<Figure> figures = new ArrayList<>();
        for (Step step : steps) {
            try {
                figures.addAll(step.run().figures());
            } catch (Exception | AssertionError | OutOfMemoryError e) {
                System.err.println("bench: " + step.name() + " failed: " + e);
                e.printStackTrace();
                figures.add(Figure.failed(step.name(), e));
            }
        }
        return figures;
    }
}
