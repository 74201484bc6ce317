package parley.chat;

/** Where a chat is in its life: an open invite, a join waiting for its welcome, or an agreed chat. */
public enum ChatPhase {
    /** We showed an invite and wait for the first valid join on the invite inbox. */
    INVITED,
    /** We sent a join and wait for the inviter's welcome. */
    JOINING,
    /** Both sides hold the chat key from the join and talk on inboxes that never appeared on a screen. */
    ACTIVE
}
