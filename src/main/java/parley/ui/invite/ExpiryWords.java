package parley.ui.invite;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An expiry as a person says it: "until 15:18" today, "until tomorrow 15:18", "until Friday 15:18" within the
 * week, "until 12 December 15:18" further, with the year only when it is not this one. English, as the app is.
 */
final class ExpiryWords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ExpiryWords() {}

    static String until(Instant expires, Instant now, ZoneId zone) {
        ZonedDateTime at = expires.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, at.toLocalDate());
        String time = TIME.format(at);
        if (days == 0) {
            return "until " + time;
        }
        if (days == 1) {
            return "until tomorrow " + time;
        }
        if (days > 1 && days < 7) {
            return "until " + WEEKDAY.format(at) + " " + time;
        }
        return "until " + (at.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(at) + " " + time;
    }
}
