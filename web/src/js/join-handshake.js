// The join and the welcome under the invite key, and the invite's lifetime (docs/protocol.md section 4), as the
// desktop's JoinHandshake: the inviter accepts the first valid join and answers from a fresh inbox; the joiner
// completes on the welcome, refuses one naming an inbox that cannot be the peer's, and fails for good once a
// welcome is late. Timers live on the session, which clears them on close.
import { randomId, random256 } from './bytes.js';
import { seal } from './envelope.js';
import { deriveChatKey, generateEphemeral } from './keys.js';
import { HANDSHAKE } from './outbox.js';
import { safetyDigits } from './safety.js';

export class JoinHandshake {
  constructor(session) {
    this.s = session;
  }

  async joinArrived(join) {
    const s = this.s;
    const r = s.record;
    if (!r.inviter) s.drop('unexpected');
    else if (r.phase === 'invited' && Date.now() >= r.expires) s.drop('expired');
    else if (r.phase === 'invited' && join.inbox === r.ownInbox) s.drop('wrong-inbox'); // our invite inbox
    else if (r.phase === 'invited') await this.acceptJoin(join);
    else if (r.acceptedJoin === join.id) s.drop('duplicate');
    else s.drop('unexpected'); // only the first valid join is accepted
  }

  /** The inviter's side of the join: new inbox, chat key, welcome on the new inbox, retire the invite inbox. */
  async acceptJoin(join) {
    const s = this.s;
    const r = s.record;
    const ephemeral = await generateEphemeral();
    const chatKey = await deriveChatKey(ephemeral.privateKey, join.epk, r.inviteKey);
    // the private half is dropped here: nothing keeps a reference to it past this function
    const inviteInbox = r.ownInbox;
    s.close();
    const now = Date.now();
    r.retiring = inviteInbox;
    r.ownInbox = random256();
    this.becomeActive(chatKey, join, now);
    r.sendSeq += 1;
    r.handshake = { id: randomId(), seq: r.sendSeq, ts: now, epk: ephemeral.epk, name: s.service.displayName() };
    r.handshakeConfirmed = false;
    await s.persist();
    s.retire(inviteInbox);
    s.service.emit('chat-changed', s.snapshot());
    s.connect(); // the welcome goes out on the new inbox's connection, before anything under the chat key
    s.rekeying.armKeyTimer();
  }

  async welcomeArrived(welcome) {
    const s = this.s;
    const r = s.record;
    if (r.inviter) s.drop('unexpected');
    else if (r.phase === 'expired' || (r.phase === 'joining' && Date.now() >= this.lateFrom())) {
      s.drop('expired'); // whoever holds the old QR code could have sent it
      await this.joinExpired();
    } else if (r.phase === 'joining' && (welcome.inbox === r.ownInbox || welcome.inbox === r.peerInbox)) {
      s.drop('wrong-inbox'); // before the ephemeral key is used: the real welcome can still come
    } else if (r.phase === 'joining') await this.completeJoin(welcome);
    else if (r.acceptedJoin === welcome.id) {
      s.drop('duplicate');
      s.conversation.queueAck(welcome.id); // our ack may have been lost: the inviter re-sends until it sees one
    } else s.drop('unexpected');
  }

  /** The joiner's lifetime rules (docs/protocol.md section 4, step 7), all on the local clock. */
  lateFrom() {
    return this.s.record.expires + this.s.timings.clockSkew;
  }

  /**
   * The invite expired without a welcome: stop for good, drop the ephemeral key, and say so. The inbox stays
   * connected so that late welcomes are drained and counted until the user forgets the chat.
   */
  async joinExpired() {
    const s = this.s;
    const r = s.record;
    if (r.phase !== 'joining' || s.deleted) return;
    r.phase = 'expired';
    r.ephemeralPrivate = null; // and with the next put, gone from IndexedDB
    s.outbox.done(HANDSHAKE);
    clearTimeout(s.phaseTimer);
    await s.persist();
    s.service.emit('chat-changed', s.snapshot());
  }

  /** The joiner's side: derive the chat key from the welcome, forget the ephemeral key, confirm with an ack. */
  async completeJoin(welcome) {
    const s = this.s;
    const r = s.record;
    const chatKey = await deriveChatKey(r.ephemeralPrivate, welcome.epk, r.inviteKey);
    const now = Date.now();
    r.ephemeralPrivate = null; // and with the next put, gone from IndexedDB
    this.becomeActive(chatKey, welcome, now);
    r.handshakeConfirmed = true;
    s.outbox.done(HANDSHAKE);
    clearTimeout(s.phaseTimer);
    clearTimeout(s.lifetimeTimer);
    await s.persist();
    s.rekeying.armKeyTimer();
    s.conversation.queueAck(welcome.id);
    s.conversation.flushAcks();
    s.service.emit('chat-ready', s.snapshot());
    s.service.emit('chat-changed', s.snapshot());
  }

  /**
   * Both sides of the join end here, `handshake` being the peer's join or welcome: the peer's chat inbox, epoch 0
   * and the safety code, kept as digits (rekeys never change it).
   */
  becomeActive(chatKey, handshake, now) {
    const r = this.s.record;
    r.peerInbox = handshake.inbox;
    r.epochs.push({ epoch: 0, key: chatKey, since: now, eraseAt: null });
    r.safetyDigits = safetyDigits(chatKey, r.ownInbox, r.peerInbox);
    r.phase = 'active';
    r.expires = null;
    r.acceptedJoin = handshake.id;
    r.peerSeq = handshake.seq;
    if (handshake.name) r.name = handshake.name;
    r.lastActivity = now;
  }

  /** The peer used the chat key: that proves the welcome arrived, so it is re-sent no more. True if that is news. */
  peerUsedChatKey() {
    const s = this.s;
    if (s.record.handshakeConfirmed) return false;
    s.record.handshakeConfirmed = true;
    s.outbox.done(HANDSHAKE);
    return true;
  }

  /** Whether our join (joiner, only before the invite's expiry) or welcome (inviter) still has to go out again. */
  outstanding() {
    const r = this.s.record;
    // the joiner re-sends only before the expiry: after it, no honest inviter takes a join
    return !!r.handshake && ((r.phase === 'joining' && Date.now() < r.expires) || (r.inviter && !r.handshakeConfirmed));
  }

  /** The join (joiner) or welcome (inviter), identical each time, under the invite key. */
  send() {
    const s = this.s;
    const r = s.record;
    const h = r.handshake;
    const p = { t: r.inviter ? 'welcome' : 'join', id: h.id, to: r.peerInbox, seq: h.seq, ts: h.ts,
      inbox: r.ownInbox, epk: h.epk };
    if (h.name) p.name = h.name;
    s.outbox.schedule(HANDSHAKE);
    if (s.connectionState.status !== 'online') return;
    s.connection.publish(r.peerInbox, seal(p, r.inviteKey)).then(() => s.service.run(async () => {
      if (r.inviter && !s.readyAnnounced && !s.deleted) {
        s.readyAnnounced = true;
        s.service.emit('chat-ready', s.snapshot());
      }
    }), () => {});
  }
}
