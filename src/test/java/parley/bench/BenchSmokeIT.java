package parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;

/**
 * Runs every benchmark harness of {@code scripts/bench} in its shortest form against the real stack, so the
 * harness cannot rot. It checks that each produces sane figures, never how fast anything is (CI machines vary),
 * except where the figure is behaviour a user would notice: a burst arrives whole and in order.
 */
@ExtendWith(BrokerStackExtension.class)
class BenchSmokeIT {
    @TempDir
    Path tmp;

    @Test
    void codecRatesForEveryOperationAndSizeOnBothSides() throws Exception {
        List<CodecFigures.Rate> rates = CodecFigures.run(CodecFigures.Plan.smoke(), BenchOptions.repoDir());

        assertThat(rates).hasSize(CodecFigures.SIZES.length * CodecFigures.OPERATIONS.size());
        assertThat(rates).allSatisfy(r -> {
            assertThat(r.parley()).as(r + " Parley").isPositive().isFinite();
            assertThat(r.cryptoJs()).as(r + " crypto-js").isPositive().isFinite();
            assertThat(r.openssl()).as(r + " node crypto (OpenSSL)").isPositive().isFinite();
        });
    }

    @Test
    void latencyOverMqttsAndWssNextToBarePaho(BrokerStack stack) throws Exception {
        for (var broker : List.of(stack.mqttsUri(), stack.wssUri())) {
            var r = RoundTripBench.run(broker, stack.caFile(), tmp.resolve(broker.getScheme() + "-disk"),
                    tmp.resolve(broker.getScheme() + "-mem"), 5, 1);

            for (Samples s : List.of(r.parley(), r.parleyInMemoryFs(), r.raw())) {
                assertThat(s.count()).isEqualTo(5);
                assertThat(s.median()).isPositive();
                assertThat(s.percentile(99)).isGreaterThanOrEqualTo(s.median());
            }
            assertThat(r.payloadBytes()).isGreaterThan(RoundTripBench.TEXT_BYTES);
        }
    }

    @Test
    void burstArrivesWholeAndInOrder(BrokerStack stack) throws Exception {
        // well past Paho's in-flight window of 10, which once reordered a burst
        var r = BurstBench.run(stack.mqttsUri(), stack.caFile(), tmp.resolve("burst"), 300, 60_000);

        assertThat(r.arrived()).isEqualTo(300);
        assertThat(r.inOrder()).as(r.disorder()).isTrue();
        assertThat(r.perSecond()).isPositive();
    }

    @Test
    void scaleChildReportsConnectTimeThreadsMemoryAndRoundTrip(BrokerStack stack) throws Exception {
        var results = ScaleBench.run(stack.mqttsUri(), stack.caFile(), tmp.resolve("scale"), new int[] {1, 3}, 3, 1,
                List.of(ChildJvm.LAUNCHER), stack::restartBroker);

        assertThat(results).extracting(ScaleBench.Result::chats).containsExactly(1, 3);
        for (var r : results) {
            var f = r.figures();
            assertThat(f.get("chats").getAsInt()).isEqualTo(r.chats());
            assertThat(f.get("connectNanos").getAsLong()).isPositive();
            // Paho runs a sender, a receiver and a callback loop per live connection
            assertThat(f.get("pahoLoopThreads").getAsLong()).isBetween(1L, 3L * r.chats());
            // ... on virtual threads: no platform thread per connection
            assertThat(f.get("platformPahoLoopThreads").getAsLong()).isZero();
            assertThat(f.get("mqttIoThreads").getAsLong()).isGreaterThanOrEqualTo(f.get("pahoLoopThreads").getAsLong());
            assertThat(f.get("peakRssBytes").getAsLong()).isGreaterThanOrEqualTo(f.get("rssBytes").getAsLong());
            assertThat(f.get("rtP99Nanos").getAsDouble()).isGreaterThanOrEqualTo(f.get("rtP50Nanos").getAsDouble());
        }
        // the last size had the broker restarted under it: every chat came back
        var reconnect = results.getLast().figures().getAsJsonObject("reconnect");
        assertThat(reconnect.get("chats").getAsInt()).isEqualTo(3);
        assertThat(reconnect.get("peakPerSecond").getAsInt()).isBetween(1, 3);
        assertThat(reconnect.get("dropToAllBackNanos").getAsLong())
                .isGreaterThanOrEqualTo(reconnect.get("firstToLastNanos").getAsLong());
        assertThat(results.getFirst().figures().has("reconnect")).isFalse();
    }

    @Test
    void historyChildShowsTheLatestPageOfAStoredHistory(BrokerStack stack) throws Exception {
        var results = HistoryBench.run(stack.mqttsUri(), stack.caFile(), tmp.resolve("history"), new int[] {60, 200},
                1, ChildJvm.FLAGS);

        assertThat(results).extracting(HistoryBench.Result::stored).containsExactly(60, 200);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.runs()).hasSize(1);
            assertThat(r.runs().getFirst().get("firstScreenNanos").getAsLong()).isPositive();
            assertThat(r.runs().getFirst().get("peakRssBytes").getAsLong()).isPositive();
        });
    }

    /** A benchmark that dies (here: its bare-Paho floor finds no broker) costs only its own rows, marked failed. */
    @Test
    void aFileGoesWholeOverMqttsAndWssWithItsHeapMeasured(BrokerStack stack) throws Exception {
        for (var broker : List.of(stack.mqttsUri(), stack.wssUri())) {
            var r = FileTransferBench.run(broker, stack.caFile(), tmp.resolve("files-" + broker.getScheme()),
                    300_000, 120_000);
            assertThat(r.mibPerSecond()).isPositive().isFinite();
            assertThat(r.liveHeapMax()).isGreaterThanOrEqualTo(r.liveHeapBefore()).isPositive();
        }
    }

    @Test
    void aFailingBenchmarkLeavesTheOthersFiguresInTheReport(BrokerStack stack) throws Exception {
        URI nowhere = URI.create("mqtts://localhost:" + closedPort());
        var options = BenchOptions.parse("--smoke", "--command", "scripts/bench --smoke");

        List<Figure> figures = Bench.run(List.of(
                new Bench.Step("2. latency", () -> {
                    try (RawPaho floor = RawPaho.connect(nowhere, stack.caFile())) {
                        return List.of(Figure.info("2. latency", "p50 one-way, bare Paho",
                                Figure.ms(floor.oneWay(new byte[100]))));
                    }
                }),
                new Bench.Step("3. burst", () -> {
                    var r = BurstBench.run(stack.mqttsUri(), stack.caFile(), tmp.resolve("burst"), 20, 60_000);
                    return List.of(Figure.held("3. burst", "arrived", r.arrived() + " of " + r.sent(), "all",
                            r.arrived() == r.sent()));
                })));
        String md = Report.of(figures, options).markdown();

        assertThat(md.lines().filter(l -> l.startsWith("| 2. latency")).toList()).singleElement().asString()
                .startsWith("| 2. latency | did not finish; its figures are missing | MqttException")
                .endsWith(" |  | **failed** |");
        assertThat(md).contains("| 3. burst | arrived | 20 of 20 | all | met |");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void reportIsATableWithTheMachineAndTheCommand() {
        var options = BenchOptions.parse("--smoke", "--command", "scripts/bench --smoke");
        String md = Report.of(List.of(Figure.held("3. burst", "throughput", "6,000 msg/s", ">= 5,000 msg/s", true),
                Figure.held("4. scale", "peak RSS", "170.0 MB", "<= 160 MB", false)), options).markdown();

        assertThat(md).contains("| benchmark | figure | value | target | |")
                .contains("| 3. burst | throughput | 6,000 msg/s | >= 5,000 msg/s | met |")
                .contains("| 4. scale | peak RSS | 170.0 MB | <= 160 MB | **missed** |")
                .contains("cores").contains("JDK").contains("`scripts/bench --smoke`");
    }
}
