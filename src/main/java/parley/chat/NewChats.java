package parley.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.invite.Invite;
import parley.protocol.Join;
import parley.transport.BrokerProfile;
import parley.crypto.ChatId;

/**
 * How a chat starts out (docs/protocol.md section 4): the record of a new invite on the profile's own broker, or of a
 * join of a friend's invite, holding the join it sends until the welcome comes.
 */
final class NewChats {
    private NewChats() {}

    /** An invite: a fresh inbox and invite key, open until {@code now + validity}. */
    static ChatRecord invite(BrokerProfile own, Instant now, Duration validity) {
        ChatRecord r = new ChatRecord(ChatId.random(), true, now);
        r.name = "Invite " + r.id.value().substring(0, 4);
        r.phase = ChatPhase.INVITED;
        r.expires = Optional.of(now.plus(validity));
        r.mqtts = own.mqtts();
        r.wss = own.wss();
        r.ownInbox = InboxId.random();
        r.inviteKey = ChatKey.random();
        return r;
    }

    /** A join: a fresh inbox and ephemeral key, and the join to the invite's inbox, on the invite's broker. */
    static ChatRecord join(Invite invite, Optional<String> displayName, Instant now) {
        ChatRecord r = new ChatRecord(ChatId.random(), false, now);
        r.name = invite.name().orElse("Chat " + r.id.value().substring(0, 4));
        r.phase = ChatPhase.JOINING;
        r.expires = Optional.of(invite.expires());
        r.mqtts = invite.mqtts();
        r.wss = invite.wss();
        r.ownInbox = InboxId.random();
        r.peerInbox = Optional.of(invite.inbox());
        r.inviteKey = invite.key();
        EphemeralKeyPair ephemeral = EphemeralKeyPair.generate();
        r.ephemeralPrivate = Optional.of(ephemeral.privateKeyBytes());
        Join join = new Join(MessageId.random(), invite.inbox(), r.nextSeq(), now.toEpochMilli(), r.ownInbox,
                ephemeral.publicPoint(), displayName);
        r.handshake = Optional.of(new Handshake(join.id(), join.seq(), join.ts(), join.epk(), displayName));
        ephemeral.destroy();
        return r;
    }
}
