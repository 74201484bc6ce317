package parley.chat;

import java.net.URI;
import java.util.Optional;
import parley.transport.BrokerAddress;
import parley.transport.BrokerProfile;

/**
 * Decides what a chat's connection may carry. A chat talks through the broker its invite named; the profile's
 * CA file and login go with it only when that is the profile's own broker (same scheme, host and port, however
 * spelled: {@link BrokerAddress}). Any other broker is reached with the system's CA roots and no login, so a
 * stranger's invite cannot collect the password or be vouched for by the profile's private CA.
 */
final class OwnBroker {
    private final Optional<BrokerProfile> own;

    OwnBroker(Optional<BrokerProfile> own) {
        this.own = own;
    }

    /**
     * How to connect to the broker a chat names: through the URL of the two that is the profile's own broker, if
     * either is (mqtts first), with the profile's CA file and login; else through the preferred URL (mqtts, as the
     * transport does) with neither.
     */
    BrokerProfile connectionFor(Optional<URI> mqtts, Optional<URI> wss) {
        Optional<URI> webBase = own.flatMap(BrokerProfile::webBase);
        return switch (ownUrl(mqtts, wss)) {
            case OwnUrl.MQTTS -> withLogin(mqtts, wss, webBase);
            case OwnUrl.WSS -> withLogin(Optional.empty(), wss, webBase);
            case OwnUrl.NONE -> new BrokerProfile(mqtts, wss, webBase, Optional.empty(), Optional.empty(),
                    Optional.empty());
        };
    }

    /** The broker a chat (or an invite) with these URLs talks through, for the user to see. */
    ChatBroker describe(Optional<URI> mqtts, Optional<URI> wss) {
        BrokerProfile connection = connectionFor(mqtts, wss);
        return new ChatBroker(BrokerAddress.of(connection.preferred()).display(), ownUrl(mqtts, wss) != OwnUrl.NONE);
    }

    private enum OwnUrl { MQTTS, WSS, NONE }

    private OwnUrl ownUrl(Optional<URI> mqtts, Optional<URI> wss) {
        if (own.isEmpty()) {
            return OwnUrl.NONE;
        }
        if (mqtts.filter(own.get()::serves).isPresent()) {
            return OwnUrl.MQTTS;
        }
        return wss.filter(own.get()::serves).isPresent() ? OwnUrl.WSS : OwnUrl.NONE;
    }

    private BrokerProfile withLogin(Optional<URI> mqtts, Optional<URI> wss, Optional<URI> webBase) {
        BrokerProfile mine = own.orElseThrow();
        return new BrokerProfile(mqtts, wss, webBase, mine.caFile(), mine.username(), mine.password());
    }
}
