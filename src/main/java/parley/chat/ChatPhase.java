package parley.chat;

/** Where a chat is in its life: an open invite, a join waiting for its welcome, or an agreed chat. */
public enum ChatPhase {
    /** We showed an invite and wait for the first valid join on the invite inbox. */
    INVITED,
    /** We sent a join and wait for the inviter's welcome. */
    JOINING,
    /**
     * We sent a join, but the invite expired before the inviter's welcome arrived: a later welcome is dropped
     * (whoever holds the old QR code could send one), so this chat can only be deleted.
     */
    EXPIRED,
    /** Both sides hold the chat key from the join and talk on inboxes that never appeared on a screen. */
    ACTIVE
}
