package parley.bench;

import java.util.Map;
import java.util.TreeMap;

/** Live Java threads grouped by name, with trailing numbers cut off ("parley-mqtt-io-17" counts as "parley-mqtt-io"). */
final class ThreadCensus {
    private ThreadCensus() {}

    static Map<String, Long> byName() {
        Map<String, Long> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            counts.merge(t.getName().replaceAll("[-#]?\\d+$", ""), 1L, Long::sum);
        }
        return counts;
    }
}
