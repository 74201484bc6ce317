package parley.chat;

import java.time.Clock;
import java.util.Optional;
import parley.store.ProfileStore;
import parley.transport.BrokerProfile;
import parley.transport.MqttTransport;

/**
 * What a chat service is built from.
 *
 * @param broker      this user's broker, which invites point at; the only broker that gets its CA file and login
 *                    (a joined chat's broker is the inviter's, named in the invite: see {@link OwnBroker}); empty for
 *                    a profile that only joins
 * @param displayName sent in joins and welcomes (display only, never trusted by the peer)
 */
public record ChatServiceConfig(ProfileStore store, MqttTransport transport, Optional<BrokerProfile> broker,
                                Optional<String> displayName, Clock clock, ChatTimings timings) {
    public ChatServiceConfig {
        displayName.ifPresent(n -> {
            if (n.isBlank() || n.length() > 64) {
                throw new IllegalArgumentException("display name must be 1 to 64 characters");
            }
        });
    }
}
