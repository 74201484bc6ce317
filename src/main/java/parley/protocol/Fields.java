package parley.protocol;

import java.util.Objects;
import java.util.Optional;
import parley.crypto.StrictUtf8;

/** The range checks the plaintext records share; each error names the field as it is spelled on the wire. */
final class Fields {
    static final int MAX_NAME_CHARS = 64;

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
     * An optional display name: at most 64 UTF-16 units (what a browser's {@code name.length} counts, so both
     * clients agree), no lone surrogate.
     */
    static void name(Optional<String> name) {
        required("name", name).ifPresent(value -> {
            if (value.isEmpty() || value.length() > MAX_NAME_CHARS) {
                throw new IllegalArgumentException(
                        "name must be 1 to " + MAX_NAME_CHARS + " characters, not " + value.length());
            }
            if (!StrictUtf8.isValid(value)) {
                throw new IllegalArgumentException("name is not valid Unicode");
            }
        });
    }

    static String nameForLog(Optional<String> name) {
        return name.isPresent() ? "<" + name.get().length() + " chars>" : "none";
    }
}
