package parley.chat;

import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * The rekey-ok this side sent for the peer's rekey {@code rekeyId}: every copy of that rekey gets this same answer
 * (same id, seq and epk), under the key of epoch {@code epoch - 1} while it is still kept.
 */
record RekeyAnswer(MessageId rekeyId, MessageId id, long seq, long ts, long epoch, PublicPoint epk) {}
