package parley.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live Java threads grouped by name, with trailing numbers cut off ("parley-mqtt-io-17" counts as
 * "parley-mqtt-io"), platform and virtual apart. Paho names the thread a connection's loop runs on "MQTT Rec: " +
 * client id (an inbox id, which must not be printed): those count as "MQTT Rec" and so on. Virtual threads are
 * not in {@link Thread#getAllStackTraces()}: they come from the JVM's thread dump ({@code jcmd PID
 * Thread.dump_to_file}, which lists those of thread-per-task executors), minus the platform threads.
 */
final class ThreadCensus {
    record Census(Map<String, Long> platform, Map<String, Long> virtual) {
        Map<String, Long> all() {
            Map<String, Long> all = new TreeMap<>(platform);
            virtual.forEach((name, n) -> all.merge(name, n, Long::sum));
            return all;
        }

        long platformCount() {
            return platform.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ThreadCensus() {}

    static Census take() throws IOException {
        Map<String, Long> platform = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            platform.merge(group(t.getName()), 1L, Long::sum);
        }
        Map<String, Long> all = new TreeMap<>();
        Path dump = Files.createTempDirectory("census").resolve("threads.json");
        try {
            jcmd("Thread.dump_to_file", "-format=json", dump.toString());
            JsonObject root = JsonParser.parseString(Files.readString(dump, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("threadDump");
            for (JsonElement container : root.getAsJsonArray("threadContainers")) {
                for (JsonElement thread : container.getAsJsonObject().getAsJsonArray("threads")) {
                    all.merge(group(thread.getAsJsonObject().get("name").getAsString()), 1L, Long::sum);
                }
            }
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(dump.getParent());
        }
        Map<String, Long> virtual = new TreeMap<>();
        all.forEach((name, n) -> {
            long v = n - platform.getOrDefault(name, 0L);
            if (v > 0) virtual.put(name, v);
        });
        return new Census(platform, virtual);
    }

    private static void jcmd(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid())));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for jcmd", e);
        }
    }

    static String group(String name) {
        int colon = name.indexOf(':');
        return name.startsWith("MQTT ") && colon > 0 ? name.substring(0, colon) : name.replaceAll("[-#]?\\d+$", "");
    }

    /** Threads running a connection's Paho loop (sender, receiver, callback). */
    static long pahoLoops(Map<String, Long> byName) {
        return byName.entrySet().stream().filter(e -> e.getKey().startsWith("MQTT "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The transport's threads: idle ("parley-mqtt-io") or running a Paho loop ("MQTT ..."). */
    static long transportIo(Map<String, Long> byName) {
        return byName.entrySet().stream()
                .filter(e -> e.getKey().equals("parley-mqtt-io") || e.getKey().startsWith("MQTT "))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
