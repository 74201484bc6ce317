package parley.bench;

/**
 * One row of docs/benchmarks.md: what was measured, the figure, its target and whether the target was met.
 *
 * @param benchmark the benchmark (e.g. "2. round trip, mqtts")
 * @param measure   what the figure is (e.g. "p50 one-way, Parley")
 * @param value     the figure with its unit
 * @param target    the target it is held against, or "" for a figure shown for comparison
 */
record Figure(String benchmark, String measure, String value, String target, Verdict verdict) {
    enum Verdict {
        MET("met"), MISSED("**missed**"), FAILED("**failed**"), INFO("");

        final String label;

        Verdict(String label) {
            this.label = label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    static Figure info(String benchmark, String measure, String value) {
        return new Figure(benchmark, measure, value, "", Verdict.INFO);
    }

    static Figure held(String benchmark, String measure, String value, String target, boolean met) {
        return new Figure(benchmark, measure, value, target, Verdict.of(met));
    }

    /** The row of a benchmark that did not finish: what it threw, on one line, so the table stays a table. */
    static Figure failed(String benchmark, Throwable cause) {
        String why = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            why += " (cause: " + c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage())
                    + ")";
        }
        return new Figure(benchmark, "did not finish; its figures are missing",
                why.replaceAll("\\s+", " ").replace("|", "\\|"), "", Verdict.FAILED);
    }

    static String ms(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    static String perSecond(double rate) {
        return String.format(java.util.Locale.ROOT, "%,.0f msg/s", rate);
    }

    static String ratio(double r) {
        return String.format(java.util.Locale.ROOT, "%.2fx", r);
    }

    static String mb(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
