package parley.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark 1: {@link CodecBenchmark} under JMH, {@code src/test/node/codec-bench.js} (crypto-js 4.2.0) and
 * {@code src/test/node/codec-bench-openssl.js} (the same format on node's OpenSSL-backed {@code crypto}) on the same
 * messages, one after the other in the same run. Returns messages per second for each operation and size.
 */
final class CodecFigures {
    static final int[] SIZES = {200, 10240};
    static final List<String> OPERATIONS = List.of("seal", "open", "rawEncryptMac", "rawVerifyDecrypt");

    /** How long to measure: JMH forks, iterations and their length; node gets the same iterations. */
    record Plan(int forks, int warmups, int iterations, int iterationMillis) {
        static Plan full() {
            return new Plan(1, 3, 5, 1000);
        }

        /** In-process (no fork) and short: for the smoke run and the IT, whose class path JMH cannot fork with. */
        static Plan smoke() {
            return new Plan(0, 1, 1, 200);
        }
    }

    /** msgs/s for one operation and size: Parley's (JMH score), crypto-js's and OpenSSL's (medians in node). */
    record Rate(String operation, int textBytes, double parley, double cryptoJs, double openssl) {
        double ratio() {
            return parley / cryptoJs;
        }

        double ratioToOpenssl() {
            return parley / openssl;
        }
    }

    private CodecFigures() {}

    static List<Rate> run(Plan plan, Path repo) throws RunnerException, IOException, InterruptedException {
        Map<String, Double> parley = jmh(plan);
        Map<String, Double> cryptoJs = node(plan, repo, "codec-bench.js");
        Map<String, Double> openssl = node(plan, repo, "codec-bench-openssl.js");
        List<Rate> rates = new ArrayList<>();
        for (int size : SIZES) {
            for (String op : OPERATIONS) {
                String key = op + "/" + size;
                rates.add(new Rate(op, size, parley.get(key), cryptoJs.get(key), openssl.get(key)));
            }
        }
        return rates;
    }

    private static Map<String, Double> jmh(Plan plan) throws RunnerException {
        var options = new OptionsBuilder()
                .include(CodecBenchmark.class.getName() + "\\.")
                .forks(plan.forks())
                .warmupIterations(plan.warmups())
                .warmupTime(TimeValue.milliseconds(plan.iterationMillis()))
                .measurementIterations(plan.iterations())
                .measurementTime(TimeValue.milliseconds(plan.iterationMillis()))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String op = label.substring(label.lastIndexOf('.') + 1);
            scores.put(op + "/" + r.getParams().getParam("textBytes"), r.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static Map<String, Double> node(Plan plan, Path repo, String script)
            throws IOException, InterruptedException {
        Path dir = repo.resolve("src/test/node");
        if (!Files.isDirectory(dir.resolve("node_modules/crypto-js"))) {
            throw new IllegalStateException(dir.resolve("node_modules/crypto-js")
                    + " is missing: run `npm ci` in src/test/node (the Maven build does it)");
        }
        JsonObject request = new JsonObject();
        request.addProperty("warmupMs", plan.warmups() * plan.iterationMillis());
        request.addProperty("iterationMs", plan.iterationMillis());
        request.addProperty("iterations", plan.iterations());
        JsonArray samples = new JsonArray();
        for (int size : SIZES) {
            CodecSample s = CodecSample.of(size);
            JsonObject o = new JsonObject();
            o.addProperty("textBytes", size);
            o.addProperty("key", s.key().passphrase());
            o.addProperty("plaintextJson", s.plaintextJson());
            o.addProperty("payload", new String(s.payload(), StandardCharsets.US_ASCII));
            samples.add(o);
        }
        request.add("samples", samples);
        Process p = new ProcessBuilder("node", script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = p.getOutputStream()) {
            in.write(request.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("node " + script + " did not finish in 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("node " + script + " failed (exit " + p.exitValue() + "): " + out);
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (JsonElement e : JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            for (String op : OPERATIONS) {
                double[] values = new double[r.getAsJsonArray(op).size()];
                for (int i = 0; i < values.length; i++) values[i] = r.getAsJsonArray(op).get(i).getAsDouble();
                rates.put(op + "/" + r.get("textBytes").getAsInt(), Samples.of(values).median());
            }
        }
        return rates;
    }
}
