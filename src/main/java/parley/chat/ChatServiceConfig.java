package parley.chat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import parley.store.ProfileStore;
import parley.text.DisplayNames;
import parley.transport.BrokerProfile;
import parley.transport.Transport;

/**
 * What a chat service is built from.
 *
 * @param broker      this user's broker, which invites point at; empty for a profile that only joins
 * @param access      the CA file and credentials used for every chat's broker (a joined chat's broker is the
 *                    inviter's, named in the invite)
 * @param displayName sent in joins and welcomes (display only, never trusted by the peer)
 */
public record ChatServiceConfig(ProfileStore store, Transport transport, Optional<BrokerProfile> broker,
                                Access access, Optional<String> displayName, Clock clock, ChatTimings timings) {
    /** How to reach and log in to a broker, apart from its address. {@code toString} hides the password. */
    public record Access(Optional<Path> caFile, Optional<String> username, Optional<String> password) {
        public static Access none() {
            return new Access(Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "Access[ca=" + caFile.orElse(null) + ", user=" + username.orElse(null)
                    + (password.isPresent() ? ", password=***" : "") + "]";
        }
    }

    public ChatServiceConfig {
        // the peer refuses a join or welcome whose name breaks the rule: say so here, not as a silent no-answer
        displayName.flatMap(n -> n.isBlank() ? Optional.of("is blank") : DisplayNames.problem(n)).ifPresent(problem -> {
            throw new IllegalArgumentException("the display name " + problem);
        });
    }
}
