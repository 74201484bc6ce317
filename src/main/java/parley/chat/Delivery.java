package parley.chat;

/** What the user sees of a message's way: the ticks. */
public enum Delivery {
    /** In the outbox; not yet taken by the broker (offline, or not yet answered). */
    QUEUED,
    /** One tick: the broker took it (PUBACK). */
    SENT,
    /** Two ticks: the peer acknowledged it end to end. */
    DELIVERED,
    /** A message from the peer. */
    RECEIVED
}
