package parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** A "random" source that always returns the same value, to pin the jitter. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void reconnectDelaysDoubleFromHalfASecondUpToAMinute() {
        RandomGenerator middle = fixed(0.5); // no jitter
        assertThat(Backoff.RECONNECT.delay(1, middle)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.RECONNECT.delay(2, middle)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.RECONNECT.delay(3, middle)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.RECONNECT.delay(8, middle)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.RECONNECT.delay(1000, middle)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void takeoverDelaysDoubleFromTwoSecondsUpToAMinute() {
        RandomGenerator middle = fixed(0.5);
        assertThat(Backoff.TAKEOVER.delay(1, middle)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.TAKEOVER.delay(2, middle)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.TAKEOVER.delay(6, middle)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterSpreadsByTwentyPercentEitherWay() {
        assertThat(Backoff.RECONNECT.delay(3, fixed(0.0))).isEqualTo(Duration.ofMillis(1600));
        assertThat(Backoff.RECONNECT.delay(3, fixed(0.999999))).isEqualTo(Duration.ofMillis(2400));
        assertThat(Backoff.RECONNECT.delay(100, fixed(0.999999))).isEqualTo(Duration.ofSeconds(72));
    }

    @Test
    void realRandomStaysWithinTheBand() {
        RandomGenerator random = RandomGenerator.getDefault();
        for (int i = 0; i < 1000; i++) {
            assertThat(Backoff.RECONNECT.delay(2, random)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        }
    }

    @Test
    void rejectsAttemptZero() {
        assertThatThrownBy(() -> Backoff.RECONNECT.delay(0, fixed(0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
    }
}
