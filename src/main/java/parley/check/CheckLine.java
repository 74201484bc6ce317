package parley.check;

import java.util.Objects;

/**
 * One line of {@code parley check}'s report: what was checked, whether it holds, and a plain reason.
 *
 * @param subject what was checked, e.g. {@code mqtts localhost:8883 certificate name}
 * @param ok      whether the deployment is right in this respect
 * @param reason  what was seen, in words an administrator can act on
 */
public record CheckLine(String subject, boolean ok, String reason) {
    public CheckLine {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    static CheckLine ok(String subject, String reason) {
        return new CheckLine(subject, true, reason);
    }

    static CheckLine fail(String subject, String reason) {
        return new CheckLine(subject, false, reason);
    }

    /** {@code ok   subject: reason} or {@code FAIL subject: reason}. */
    public String render() {
        return (ok ? "ok   " : "FAIL ") + subject + ": " + reason;
    }
}
