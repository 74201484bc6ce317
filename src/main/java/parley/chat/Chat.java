package parley.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * What the faces show of a chat: a snapshot, never live state.
 *
 * @param name        the user's name for the chat (the peer's announced name until renamed)
 * @param expires     when an open invite stops being accepted (INVITED only)
 * @param connection  the connection state of the chat's inbox, in words
 */
public record Chat(
        ChatId id,
        String name,
        ChatPhase phase,
        boolean inviter,
        Instant created,
        Optional<Instant> expires,
        Optional<Instant> lastActivity,
        int unread,
        Connection connection,
        boolean verified,
        long epoch) {

    /** The chat's connection to the broker, as a user should see it. */
    public record Connection(Status status, String detail) {
        public enum Status { OFFLINE, CONNECTING, ONLINE, WAITING, FAILED }
    }
}
