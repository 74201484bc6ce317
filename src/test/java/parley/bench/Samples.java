package parley.bench;

import java.util.Arrays;

/** Measured values (latencies in ns, rates, ...) and the order statistics the report uses. */
record Samples(double[] sorted) {
    static Samples of(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no samples");
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new Samples(copy);
    }

    static Samples ofNanos(long[] nanos) {
        return of(Arrays.stream(nanos).asDoubleStream().toArray());
    }

    /** The nearest-rank percentile: {@code p} in (0, 100]. */
    double percentile(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    int count() {
        return sorted.length;
    }
}
