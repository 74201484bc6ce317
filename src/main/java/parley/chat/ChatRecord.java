package parley.chat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.ChatId;

/**
 * Everything the profile keeps about one chat between restarts. Mutable, and confined to the chat thread; the
 * store holds it as one (at-rest encrypted) blob written after every change, so a restart resumes the chat.
 */
final class ChatRecord {
    final ChatId id;
    final boolean inviter;
    final Instant created;
    String name;
    ChatPhase phase;
    /** INVITED / JOINING: when the invite stops being valid. */
    Optional<Instant> expires = Optional.empty();
    /** The broker URLs this chat talks through (the invite's, for a joiner). */
    Optional<URI> mqtts = Optional.empty();
    Optional<URI> wss = Optional.empty();

    InboxId ownInbox;
    /** JOINING: the inviter's invite inbox; ACTIVE: the peer's chat inbox. Empty while INVITED. */
    Optional<InboxId> peerInbox = Optional.empty();
    /** The invite key K from the QR: under it travel only the join and the welcome. */
    ChatKey inviteKey;
    /** JOINING: our ephemeral private key (PKCS#8), erased once the welcome arrives. */
    Optional<byte[]> ephemeralPrivate = Optional.empty();
    /** The join (joiner) or welcome (inviter) we sent. */
    Optional<Handshake> handshake = Optional.empty();
    /** Inviter: the welcome is re-sent until the peer shows it arrived (any payload under the chat key). */
    boolean handshakeConfirmed;
    /** Inviter: the invite inbox still to be retired (cleared once the broker forgot its session). */
    Optional<InboxId> retiring = Optional.empty();
    /** Inviter: the join that was accepted, so that its repeats are recognised. */
    Optional<MessageId> acceptedJoin = Optional.empty();

    final List<EpochKey> epochs = new ArrayList<>();
    /** Initiator: our rekey, until its rekey-ok arrives. */
    Optional<RekeyOffer> rekeyOffer = Optional.empty();
    /** Responder: the last rekey we answered, so its copies get the same answer. */
    Optional<RekeyAnswer> rekeyAnswer = Optional.empty();
    /** Initiator: the last rekey-ok we took, so its copies are recognised. */
    Optional<MessageId> rekeyOkTaken = Optional.empty();
    /** Messages this side sent since the last rekey it started or answered (an automatic rekey after 1,000). */
    long sentSinceRekey;
    /** The safety code of the join (docs/protocol.md section 5); it does not change with rekeys. */
    Optional<String> safetyDigits = Optional.empty();
    long sendSeq;
    long peerSeq;
    int unread;
    boolean verified;
    Optional<Instant> lastActivity = Optional.empty();

    ChatRecord(ChatId id, boolean inviter, Instant created) {
        this.id = id;
        this.inviter = inviter;
        this.created = created;
    }

    long nextSeq() {
        return ++sendSeq;
    }

    Optional<EpochKey> currentEpoch() {
        return epochs.stream().max(Comparator.comparingLong(EpochKey::epoch));
    }

    /** Keys a payload may be under: the epoch keys (newest first), then the invite key. */
    List<ChatKey> receiveKeys() {
        List<ChatKey> keys = new ArrayList<>();
        epochs.stream()
                .sorted(Comparator.comparingLong(EpochKey::epoch).reversed())
                .forEach(e -> keys.add(e.key()));
        if (inviteKey != null) {
            keys.add(inviteKey);
        }
        return keys;
    }

    boolean isEpochKey(ChatKey key) {
        return epochs.stream().anyMatch(e -> e.key().equals(key));
    }

    /** The epoch a key belongs to, if it is one of this chat's epoch keys. */
    Optional<EpochKey> epochOf(ChatKey key) {
        return epochs.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Zeroes every key this record holds in byte arrays, when the chat is deleted. */
    void destroyKeys() {
        if (inviteKey != null) {
            inviteKey.destroy();
        }
        epochs.forEach(e -> e.key().destroy());
        ephemeralPrivate.ifPresent(b -> java.util.Arrays.fill(b, (byte) 0));
        rekeyOffer.ifPresent(RekeyOffer::erase);
    }

    @Override
    public String toString() {
        return "ChatRecord[" + id + ", " + phase + ", inbox " + ownInbox.abbreviated() + "]";
    }
}
