package parley.protocol;

import java.util.Objects;
import java.util.Optional;
import parley.text.DisplayNames;

/** The range checks the plaintext records share; each error names the field as it is spelled on the wire. */
final class Fields {

    private Fields() {}

    static <T> T required(String field, T value) {
        return Objects.requireNonNull(value, field + " is missing");
    }

    /** {@code seq} and {@code epoch}: from 1 up to what a JavaScript number holds exactly. */
    static void positive(String field, long value) {
        if (value < 1 || value > Plaintext.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException(field + " must be 1 to 2^53-1, not " + value);
        }
    }

    static void timestamp(long ts) {
        if (ts < 0 || ts > Plaintext.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("ts must be 0 to 2^53-1 ms since the epoch, not " + ts);
        }
    }

    /**
     * An optional display name, with the invite link's rule (docs/protocol.md, section 3): a join or welcome that
     * breaks it is malformed, so no control character or bidirectional override reaches a screen or a terminal.
     */
    static void name(Optional<String> name) {
        required("name", name).flatMap(DisplayNames::problem).ifPresent(problem -> {
            throw new IllegalArgumentException("name " + problem);
        });
    }

    static String nameForLog(Optional<String> name) {
        return name.isPresent() ? "<" + name.get().length() + " chars>" : "none";
    }
}
