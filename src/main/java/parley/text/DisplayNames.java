package parley.text;

import java.util.Optional;

/**
 * The rule for a display name from anywhere: the inviter's {@code n=} in a link, the {@code name} of a join or a
 * welcome, and the user's own name before it is sent (docs/protocol.md, section 3). At most 64 UTF-16 code units
 * (what a browser's {@code String.length} counts), not empty, well-formed UTF-16, no control characters and no
 * bidirectional controls (they let a name pose as another one). The name is shown, never trusted.
 */
public final class DisplayNames {
    public static final int MAX_LENGTH = 64;

    private DisplayNames() {}

    /** The problem as the end of a sentence ("is empty"), or empty when the name is fine. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\uFFFD') {
                return Optional.of("is not valid text");
            }
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(DisplayNames::isControl)) {
            return Optional.of("contains control characters");
        }
        return Optional.empty();
    }

    /**
     * A control character (Unicode {@code Cc}: C0, DEL, C1) or a bidirectional control (embeddings, overrides,
     * isolates, the Arabic letter mark): what no name may hold, and what the CLI escapes in anything it prints.
     */
    public static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
    }
}
