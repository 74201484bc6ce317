package parley.invite;

import java.util.Objects;

/**
 * Why an invite link was refused. The message is a complete sentence for the user and names the field in plain
 * words; it never contains a key or an inbox id.
 */
public final class InviteException extends Exception {
    /** What kind of refusal: the UI may word its hint by kind (for example offer "ask for a new invite"). */
    public enum Problem {
        /** No {@code parley=} fragment at all: some other URL or QR content. */
        NOT_AN_INVITE,
        /** A Parley invite whose structure is broken: bad version, duplicate field, wrong base, absurd expiry. */
        MALFORMED,
        /** The link was evidently cut off while copying. */
        TRUNCATED,
        /** A version of the invite format newer than this build knows. */
        UNSUPPORTED_VERSION,
        /** The invite's expiry time has passed. */
        EXPIRED,
        /** A required field (or any broker address) is absent. */
        MISSING_FIELD,
        /** A field is present but its value is invalid. */
        BAD_FIELD
    }

    private final Problem problem;

    public InviteException(Problem problem, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
