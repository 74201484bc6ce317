package parley.ui.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import parley.ui.invite.ExpiryWords;

class ExpiryWordsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-02T14:18:00Z"); // Wednesday 15:18 in Berlin

    @Test
    void saysTheDayAsAPersonWould() {
        assertThat(ExpiryWords.until(NOW.plus(Duration.ofHours(5)), NOW, BERLIN)).isEqualTo("until 20:18");
        assertThat(ExpiryWords.until(NOW.plus(Duration.ofHours(24)), NOW, BERLIN)).isEqualTo("until tomorrow 15:18");
        assertThat(ExpiryWords.until(NOW.plus(Duration.ofDays(2)), NOW, BERLIN)).isEqualTo("until Friday 15:18");
        assertThat(ExpiryWords.until(NOW.plus(Duration.ofDays(10)), NOW, BERLIN)).isEqualTo("until 12 December 15:18");
        assertThat(ExpiryWords.until(NOW.plus(Duration.ofDays(30)), NOW, BERLIN)).isEqualTo("until 1 January 2027 15:18");
    }

    @Test
    void tomorrowIsTheNextCalendarDayInTheUsersZone() {
        Instant lateEvening = Instant.parse("2026-12-02T22:30:00Z"); // 23:30 in Berlin
        assertThat(ExpiryWords.until(lateEvening.plus(Duration.ofHours(1)), lateEvening, BERLIN))
                .isEqualTo("until tomorrow 00:30");
    }
}
