package parley.chat;

/** Where a file's transfer stands (docs/protocol.md section 9.4), on the side that shows it. */
public enum TransferState {
    // ---- the sender's side ----
    /** Offered: the manifest is out (or queued) and the receiver has not said it holds the whole file. */
    SENDING,
    /** The receiver holds the whole file and its digest matched. */
    DELIVERED,
    /** The sender cancelled it, or stopped offering it after 30 days: requests for it are answered "gone". */
    CANCELLED,
    /** The peer's Parley is older and cannot receive files: its ack of the manifest said so. */
    UNSUPPORTED,

    // ---- the receiver's side ----
    /** Announced, not fetched: larger than the automatic download size, waiting for the user. */
    OFFERED,
    /** Chunks are being asked for and arriving. */
    DOWNLOADING,
    /** The user paused it; what arrived is kept and a download resumes from the first missing chunk. */
    PAUSED,
    /** Every chunk arrived and the digest matched: it can be shown, opened and saved. */
    COMPLETE,
    /** The file did not match what its manifest announced; nothing of it is kept. */
    FAILED,
    /** The sender no longer offers it (cancelled, expired or deleted). */
    GONE
}
