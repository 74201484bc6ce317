package parley.chat;

import java.time.Instant;
import parley.crypto.ChatId;

/**
 * An invite waiting for its join: the link to show (as text and QR) and when it stops being accepted.
 *
 * @param live whether the invite inbox exists at the broker (connected and subscribed at least once): only then
 *             does a join sent to it arrive, so a face shows the link only once it is live
 *             ({@link ChatEvent.InviteLive} says when)
 */
public record PendingInvite(ChatId chat, String link, Instant expires, boolean live) {
    @Override
    public String toString() {
        return "PendingInvite[" + chat + ", expires " + expires + (live ? ", live" : ", not live yet") + "]"; // the link holds the invite key
    }
}
