package parley.chat;

import java.time.Clock;
import java.util.Optional;
import parley.store.ProfileStore;
import parley.text.DisplayNames;
import parley.transport.BrokerProfile;
import parley.transport.Transport;

/**
 * What a chat service is built from.
 *
 * @param broker      this user's broker, which invites point at; the only broker that gets its CA file and login
 *                    (a joined chat's broker is the inviter's, named in the invite: see {@link OwnBroker}); empty for
 *                    a profile that only joins
 * @param displayName sent in joins and welcomes (display only, never trusted by the peer)
 */
public record ChatServiceConfig(ProfileStore store, Transport transport, Optional<BrokerProfile> broker,
                                Optional<String> displayName, Clock clock, ChatTimings timings) {
    public ChatServiceConfig {
        // the peer refuses a join or welcome whose name breaks the rule: say so here, not as a silent no-answer
        displayName.flatMap(n -> n.isBlank() ? Optional.of("is blank") : DisplayNames.problem(n)).ifPresent(problem -> {
            throw new IllegalArgumentException("the display name " + problem);
        });
    }
}
