package parley.ui.profile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the first run asks for: who you are and the broker you chat through. The app saves it in the profile, the
 * same settings the command line saves.
 *
 * @param wss the broker's {@code wss://} URL that browser friends use (put into invites)
 * @param web the web client's {@code https://} base that invite links open
 */
public record BrokerSettings(String displayName, URI mqtts, Optional<URI> wss, Optional<URI> web,
                             Optional<Path> caFile, Optional<String> username, Optional<String> password) {
    public BrokerSettings {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mqtts, "mqtts");
        Objects.requireNonNull(wss, "wss");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "BrokerSettings[" + mqtts + ", wss=" + wss.orElse(null) + ", password=" + password.map(p -> "***").orElse("-") + "]";
    }
}
