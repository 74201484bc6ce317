package parley.chat;

import java.time.Instant;
import java.util.Optional;
import parley.crypto.ChatId;

/**
 * What the faces show of a chat: a snapshot, never live state.
 *
 * @param name        the user's name for the chat (the peer's announced name until renamed)
 * @param expires     when an open invite stops being accepted (INVITED only)
 * @param connection  the connection state of the chat's inbox, in words
 * @param epoch       the number of the key in use (0: the key agreed at the join)
 * @param epochSince  when the key in use was agreed
 * @param rekeying    a key refresh this side started is waiting for the peer's answer
 * @param broker      the broker the chat talks through, and whether it is the profile's own (which alone gets the
 *                    login)
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
        long epoch,
        Optional<Instant> epochSince,
        boolean rekeying,
        ChatBroker broker) {
    /** An inviter's chat whose friend joined without a name is called this until the user names it. */
    public static final String UNNAMED = "New friend";

    /** This snapshot with its messages all read: what a face shows while the user looks at the chat. */
    public Chat read() {
        return unread == 0 ? this : new Chat(id, name, phase, inviter, created, expires, lastActivity, 0, connection,
                verified, epoch, epochSince, rekeying, broker);
    }

    /** The chat's connection to the broker, as a user should see it. */
    public record Connection(Status status, String detail) {
        public enum Status { OFFLINE, CONNECTING, ONLINE, WAITING, FAILED }
    }
}
