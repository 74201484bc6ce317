package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class TakeoverDetectorTest {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final InstantSource clock = () -> now;
    private final TakeoverDetector detector = new TakeoverDetector(clock);

    private TakeoverDetector.Verdict connectThenDropAfter(Duration held) {
        detector.connected();
        now = now.plus(held);
        return detector.dropped();
    }

    @Test
    void threeQuickDropsInARowAreATakeover() {
        assertThat(connectThenDropAfter(Duration.ofMillis(300)).takeover()).isFalse();
        assertThat(connectThenDropAfter(Duration.ofMillis(300)).takeover()).isFalse();
        var third = connectThenDropAfter(Duration.ofMillis(300));
        assertThat(third.takeover()).isTrue();
        assertThat(third.drops()).isEqualTo(3);
        assertThat(third.takeoverLevel()).isEqualTo(1);
    }

    @Test
    void aConnectRefusedBetweenQuickDropsMeansTheBrokerWentDownNotATakeover() {
        connectThenDropAfter(Duration.ofMillis(300));
        connectThenDropAfter(Duration.ofMillis(300));
        detector.connectFailed(); // the broker was not there: it crashed, and the drops were its going
        assertThat(connectThenDropAfter(Duration.ofMillis(300)).takeover()).isFalse();
        connectThenDropAfter(Duration.ofMillis(300));
        assertThat(connectThenDropAfter(Duration.ofMillis(300)).takeover()).as("three in a row again").isTrue();
    }

    @Test
    void aDropAfterALongConnectionIsNoTakeover() {
        var verdict = connectThenDropAfter(Duration.ofMinutes(10));
        assertThat(verdict.quick()).isFalse();
        assertThat(verdict.takeover()).isFalse();
    }

    @Test
    void aConnectionThatHeldResetsTheCountBeforeDetection() {
        connectThenDropAfter(Duration.ofMillis(300));
        connectThenDropAfter(Duration.ofMillis(300));
        connectThenDropAfter(Duration.ofSeconds(6));
        assertThat(connectThenDropAfter(Duration.ofMillis(300)).takeover()).isFalse();
    }

    @Test
    void onceDetectedSlowerDropsStillCountSoTheBackoffKeepsGrowing() {
        for (int i = 0; i < 3; i++) connectThenDropAfter(Duration.ofMillis(300));
        // the back-off makes each side hold its connection longer before the other kicks it
        var verdict = connectThenDropAfter(Duration.ofSeconds(8));
        assertThat(verdict.takeover()).isTrue();
        assertThat(verdict.takeoverLevel()).isEqualTo(2);
        assertThat(connectThenDropAfter(Duration.ofSeconds(30)).takeoverLevel()).isEqualTo(3);
    }

    @Test
    void aStableConnectionEndsTheTakeoverState() {
        for (int i = 0; i < 4; i++) connectThenDropAfter(Duration.ofMillis(300));
        var verdict = connectThenDropAfter(Duration.ofMinutes(2));
        assertThat(verdict.takeover()).isFalse();
        assertThat(verdict.drops()).isZero();
    }

    @Test
    void tellsWhetherTheCurrentConnectionHeldPastTheQuickWindow() {
        detector.connected();
        now = now.plusSeconds(1);
        assertThat(detector.heldLongerThanQuickWindow()).isFalse();
        now = now.plusSeconds(5);
        assertThat(detector.heldLongerThanQuickWindow()).isTrue();
    }
}
