package parley.invite;

import java.util.Optional;

/**
 * The rule for the inviter's display name: at most 64 UTF-16 code units (what a browser's
 * {@code String.length} counts, and the same limit join and welcome names have on the wire, so an invite's name
 * always fits them),
 * not empty, no control characters, no bidirectional overrides (they let a name pose as another one), and well-formed
 * UTF-16. The name is shown, never trusted.
 */
final class DisplayNames {
    static final int MAX_LENGTH = 64;

    private DisplayNames() {}

    /** The problem as the end of a sentence, or empty when the name is fine. */
    static Optional<String> problem(String name) {
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
        if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL || isBidiControl(cp))) {
            return Optional.of("contains control characters");
        }
        return Optional.empty();
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
    }
}
