package parley.ui.settings;

import java.util.Locale;
import java.util.Optional;

/** The user's choice of look: follow the desktop, or always light or dark. Saved as a profile preference. */
public enum ThemeChoice {
    SYSTEM("Follow the desktop"),
    LIGHT("Light"),
    DARK("Dark");

    public static final String PREFERENCE = "ui.theme";

    final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    public static ThemeChoice parse(Optional<String> saved) {
        return saved.flatMap(s -> {
            try {
                return Optional.of(valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(SYSTEM);
    }

    /** Whether this choice means dark, given what the desktop prefers (when it could be asked). */
    public boolean dark(Optional<Boolean> desktopPrefersDark) {
        return switch (this) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> desktopPrefersDark.orElse(false);
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
