package parley.chat;

import java.util.Optional;
import parley.crypto.MessageId;
import parley.crypto.PublicPoint;

/**
 * The join or welcome this side sent, kept so it can be re-sent identically (same id, seq and public key) until
 * the peer shows it arrived.
 */
record Handshake(MessageId id, long seq, long ts, PublicPoint epk, Optional<String> name) {}
