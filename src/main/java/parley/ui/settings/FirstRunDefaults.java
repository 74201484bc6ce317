package parley.ui.settings;

import java.util.Optional;

/**
 * What the first run's form starts with when the app was launched for a known server (`scripts/run` passes the
 * local stack's): the server, the web client's address and the CA file, each as the user would type it. The user
 * still sees them and presses Start, and Start still checks the server before anything is saved.
 */
public record FirstRunDefaults(Optional<String> server, Optional<String> web, Optional<String> caFile) {
    public static final FirstRunDefaults NONE = new FirstRunDefaults(Optional.empty(), Optional.empty(), Optional.empty());
}
