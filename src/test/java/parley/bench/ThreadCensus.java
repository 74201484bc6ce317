package parley.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Live Java threads grouped by name, with trailing numbers cut off ("parley-mqtt-io-17" counts as
 * "parley-mqtt-io"). Paho names the pool thread a connection's loop runs on "MQTT Rec: " + client id (an inbox
 * id, which must not be printed): those count as "MQTT Rec" and so on.
 */
final class ThreadCensus {
    private ThreadCensus() {}

    static Map<String, Long> byName() {
        Map<String, Long> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            counts.merge(group(t.getName()), 1L, Long::sum);
        }
        return counts;
    }

    static String group(String name) {
        int colon = name.indexOf(':');
        return name.startsWith("MQTT ") && colon > 0 ? name.substring(0, colon) : name.replaceAll("[-#]?\\d+$", "");
    }

    /** Pool threads running a connection's Paho loop (sender, receiver, callback). */
    static long pahoLoops(Map<String, Long> byName) {
        return byName.entrySet().stream().filter(e -> e.getKey().startsWith("MQTT "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The transport's threads: its I/O pool, whether idle ("parley-mqtt-io") or running a Paho loop ("MQTT ..."). */
    static long transportIo(Map<String, Long> byName) {
        return byName.entrySet().stream()
                .filter(e -> e.getKey().equals("parley-mqtt-io") || e.getKey().startsWith("MQTT "))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
