package parley.protocol;

import parley.crypto.InboxId;
import parley.crypto.MessageId;

/**
 * The decrypted JSON object inside a payload (docs/protocol.md section 3). Every record validates its fields on
 * construction, so an instance is always sendable; {@code toString} never shows message text or names.
 */
public sealed interface Plaintext permits Join, Welcome, Msg, Ack, Rekey, RekeyOk, FileWant, Chunk, FileGone {
    /** Largest integer a JavaScript client reads exactly (2^53 - 1): the bound for {@code seq}, {@code ts}, {@code epoch}. */
    long MAX_SAFE_INTEGER = (1L << 53) - 1;

    MessageId id();

    /** The recipient's inbox: a receiver drops a plaintext that did not arrive on it. */
    InboxId to();

    /** Sender clock, ms since the epoch; for display only. */
    long ts();

    /** The wire value of {@code t}. */
    String type();
}
