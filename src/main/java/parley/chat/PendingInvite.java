package parley.chat;

import java.time.Instant;

/** An invite waiting for its join: the link to show (as text and QR) and when it stops being accepted. */
public record PendingInvite(ChatId chat, String link, Instant expires) {
    @Override
    public String toString() {
        return "PendingInvite[" + chat + ", expires " + expires + "]"; // the link holds the invite key
    }
}
