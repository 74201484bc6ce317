package parley.chat;

import java.util.Collection;
import java.util.Optional;
import parley.invite.Invite;

/**
 * Refuses an invite this profile made or already answered: joining it would make a chat that waits for a welcome
 * nobody sends. Recognised by the invite key, which every chat keeps for its life.
 */
final class InviteReuse {
    private InviteReuse() {}

    /** The sentence to show when {@code invite} is one of these chats' own, else empty. */
    static Optional<String> problem(Collection<ChatRecord> chats, Invite invite) {
        return chats.stream().filter(r -> invite.key().equals(r.inviteKey)).findFirst().map(InviteReuse::sentence);
    }

    private static String sentence(ChatRecord r) {
        if (r.inviter && r.phase == ChatPhase.INVITED) {
            return "This is your own invite. Send it to your friend: they open it in their Parley.";
        }
        if (r.inviter) {
            return "This is your own invite, and your friend already answered it: the chat is \"" + r.name + "\".";
        }
        return "You already used this invite: the chat is \"" + r.name + "\". Ask your friend for a new invite "
                + "to start another chat.";
    }
}
