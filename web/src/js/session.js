// One chat's protocol state machine (docs/protocol.md sections 4 to 6, with the desktop's
// decisions): invite, join, welcome and its confirmation, messages, acks and re-sends, safety code and
// rekeying. Every method runs inside the service's serial queue, so no two handlers interleave across an await.
// Connections come from the service (service.openConnection / retireInbox), so node tests can run two sessions.
import { randomId, random256 } from './bytes.js';
import { Accepted, MAX_ACK_IDS, open, seal, textProblem } from './envelope.js';
import { deriveChatKey, generateEphemeral } from './keys.js';
import {
  addEpoch, currentEpoch, eraseDueKeys, nextKeyEvent, rekeyDue, rekeyOkVerdict, rekeyVerdict, startGrace,
} from './rekey.js';
import { MISMATCH_WARNING, NOT_A_CODE, digitsFrom, safetyDigits, safetyMatches } from './safety.js';

/** The outbox id under which a handshake (join or welcome) is re-sent on the same back-off as messages. */
const HANDSHAKE = 'handshake';
/** The outbox id under which our pending rekey is re-sent until its rekey-ok arrives. */
const REKEY = 'rekey';

/** The safety codes differ: the message explains what that means and what to do. */
export class SafetyMismatch extends Error {}

export class ChatSession {
  constructor(service, record) {
    this.service = service;
    this.record = record;
    this.connection = null;
    this.connectionState = { status: 'offline', detail: 'offline' };
    this.resends = new Map(); // id -> {due, attempt}
    this.pendingAcks = [];
    this.drops = {};
    this.ackTimer = null;
    this.resendTimer = null;
    this.phaseTimer = null;
    this.keyTimer = null;
    this.lifetimeTimer = null; // joiner: when a welcome becomes late and the join has failed
    this.deleted = false;
    this.closed = false; // close() was called and no connect() since
    this.live = false; // inviter: the invite inbox has been subscribed at the broker, so a join sent to it arrives
    this.readyAnnounced = false;
    this.answerUnsent = false; // responder: our rekey-ok has not been taken by the broker yet
  }

  get timings() {
    return this.service.timings;
  }

  // ---- life cycle ----

  resume() {
    if (this.record.retiring) this.retire(this.record.retiring);
    if (this.record.phase === 'invited') {
      this.phaseTimer = setTimeout(() => this.service.run(() => this.expireInvite()),
        Math.max(0, this.record.expires - Date.now()));
    } else if (this.record.phase === 'joining') {
      this.phaseTimer = setTimeout(() => this.service.emit('join-unanswered', this.record.id),
        this.timings.joinUnanswered);
      this.lifetimeTimer = setTimeout(() => this.service.run(() => this.joinExpired()),
        Math.max(0, this.lateFrom() - Date.now()));
    } else if (this.record.phase === 'active') {
      if (!this.record.safetyDigits) this.safetyCode(); // a chat agreed before safety codes: computed once
      this.armKeyTimer();
    }
    this.connect();
  }

  connect() {
    this.closed = false;
    const inbox = this.record.ownInbox;
    const connection = this.service.openConnection(this.record.wss, inbox, {
      message: (bytes, retained) => this.service.run(async () => {
        if (this.connection === connection && !this.deleted) await this.received(bytes, retained);
      }),
      state: (state) => this.service.run(async () => {
        if (this.connection === connection && !this.deleted) await this.connectionChanged(state);
      }),
    });
    this.connection = connection;
    connection.start();
  }

  async connectionChanged(state) {
    this.connectionState = state;
    this.service.emit('chat-changed', this.snapshot());
    if (state.status === 'online') {
      if (this.record.phase === 'invited' && !this.live) {
        this.live = true; // the SUBACK came: the broker now keeps what is sent to the invite inbox
        this.service.emit('invite-live', this.snapshot());
        this.service.emit('chat-changed', this.snapshot());
      }
      this.sendUnsentAnswer(); // before anything under the new key
      await this.resendDue(true);
      this.flushAcks();
      await this.rekeyIfDue();
    }
  }

  close() {
    this.closed = true; // work still queued on the service must not arm timers for a closed session
    clearTimeout(this.phaseTimer);
    clearTimeout(this.resendTimer);
    clearTimeout(this.ackTimer);
    clearTimeout(this.keyTimer);
    clearTimeout(this.lifetimeTimer);
    this.lifetimeTimer = null;
    this.ackTimer = null;
    this.resendTimer = null;
    this.keyTimer = null;
    if (this.connection) this.connection.close();
    this.connection = null;
    this.connectionState = { status: 'offline', detail: 'offline' };
  }

  /** Forgets the chat: the broker drops its inbox's session, the browser drops its keys and history. */
  async delete(why) {
    this.deleted = true;
    this.close();
    this.service.retireInbox(this.record.wss, this.record.ownInbox).catch(() => {});
    await this.service.store.deleteChat(this.record.id);
    this.service.forget(this.record.id);
    this.service.emit('chat-removed', this.record.id, why);
  }

  async expireInvite() {
    if (this.record.phase === 'invited' && !this.deleted) await this.delete('the invite expired');
  }

  /** Makes the broker forget an inbox's session so nothing queued there survives (docs/protocol.md section 4). */
  retire(inbox) {
    this.service.retireInbox(this.record.wss, inbox).then(() => this.service.run(async () => {
      if (this.record.retiring === inbox && !this.deleted) {
        this.record.retiring = null;
        await this.persist();
      }
    }), () => {}); // kept in record.retiring: tried again at the next start
  }

  // ---- receiving ----

  async received(bytes, retained) {
    if (retained) {
      this.drop('retained'); // a rogue may plant a retained payload in any inbox
      return;
    }
    const result = open(bytes, this.receiveKeys(), this.record.ownInbox);
    if (!(result instanceof Accepted)) {
      if (result.ackable && result.key && this.isEpochKey(result.key)) this.queueAck(result.ackable);
      this.drop(result.reason);
      return;
    }
    const p = result.plaintext;
    const underInviteKey = result.key === this.record.inviteKey && !this.isEpochKey(result.key);
    const active = this.record.phase === 'active';
    if (p.t === 'join' && underInviteKey) await this.joinArrived(p);
    else if (p.t === 'welcome' && underInviteKey) await this.welcomeArrived(p);
    else if (!underInviteKey && active && ['msg', 'ack', 'rekey', 'rekey-ok'].includes(p.t)) {
      await this.peerUsedKey(result.key);
      if (p.t === 'msg') await this.messageArrived(p);
      else if (p.t === 'ack') await this.ackArrived(p);
      else if (p.t === 'rekey') await this.rekeyArrived(p, result.key);
      else await this.rekeyOkArrived(p, result.key);
    } else {
      this.drop('unexpected'); // e.g. a msg under the invite key: anyone who saw the QR has it
    }
  }

  /** Keys a payload may be under: the epoch keys (newest first), then the invite key. */
  receiveKeys() {
    const keys = [...this.record.epochs].sort((a, b) => b.epoch - a.epoch).map((e) => e.key);
    if (this.record.inviteKey && !keys.includes(this.record.inviteKey)) keys.push(this.record.inviteKey);
    return keys;
  }

  isEpochKey(key) {
    return this.record.epochs.some((e) => e.key === key);
  }

  currentKey() {
    return currentEpoch(this.record).key;
  }

  async joinArrived(join) {
    const r = this.record;
    if (!r.inviter) this.drop('unexpected');
    else if (r.phase === 'invited' && Date.now() >= r.expires) this.drop('expired');
    else if (r.phase === 'invited' && join.inbox === r.ownInbox) this.drop('wrong-inbox'); // our invite inbox
    else if (r.phase === 'invited') await this.acceptJoin(join);
    else if (r.acceptedJoin === join.id) this.drop('duplicate');
    else this.drop('unexpected'); // only the first valid join is accepted
  }

  /** The inviter's side of the join: new inbox, chat key, welcome on the new inbox, retire the invite inbox. */
  async acceptJoin(join) {
    const r = this.record;
    const ephemeral = await generateEphemeral();
    const chatKey = await deriveChatKey(ephemeral.privateKey, join.epk, r.inviteKey);
    // the private half is dropped here: nothing keeps a reference to it past this function
    const inviteInbox = r.ownInbox;
    this.close();
    const now = Date.now();
    r.retiring = inviteInbox;
    r.ownInbox = random256();
    r.peerInbox = join.inbox;
    this.agreeEpochZero(chatKey, now);
    r.phase = 'active';
    r.expires = null;
    r.acceptedJoin = join.id;
    r.peerSeq = join.seq;
    if (join.name) r.name = join.name;
    r.sendSeq += 1;
    r.handshake = { id: randomId(), seq: r.sendSeq, ts: now, epk: ephemeral.epk, name: this.service.displayName() };
    r.handshakeConfirmed = false;
    r.lastActivity = now;
    await this.persist();
    this.retire(inviteInbox);
    this.service.emit('chat-changed', this.snapshot());
    this.connect(); // the welcome goes out on the new inbox's connection, before anything under the chat key
    this.armKeyTimer();
  }

  async welcomeArrived(welcome) {
    const r = this.record;
    if (r.inviter) this.drop('unexpected');
    else if (r.phase === 'expired' || (r.phase === 'joining' && Date.now() >= this.lateFrom())) {
      this.drop('expired'); // whoever holds the old QR code could have sent it
      await this.joinExpired();
    } else if (r.phase === 'joining' && (welcome.inbox === r.ownInbox || welcome.inbox === r.peerInbox)) {
      this.drop('wrong-inbox'); // before the ephemeral key is used: the real welcome can still come
    } else if (r.phase === 'joining') await this.completeJoin(welcome);
    else if (r.acceptedJoin === welcome.id) {
      this.drop('duplicate');
      this.queueAck(welcome.id); // our ack may have been lost: the inviter re-sends until it sees one
    } else this.drop('unexpected');
  }

  /** The joiner's lifetime rules (docs/protocol.md section 4, step 7), all on the local clock. */
  lateFrom() {
    return this.record.expires + this.timings.clockSkew;
  }

  /**
   * The invite expired without a welcome: stop for good, drop the ephemeral key, and say so. The inbox stays
   * connected so that late welcomes are drained and counted until the user forgets the chat.
   */
  async joinExpired() {
    const r = this.record;
    if (r.phase !== 'joining' || this.deleted) return;
    r.phase = 'expired';
    r.ephemeralPrivate = null; // and with the next put, gone from IndexedDB
    this.resends.delete(HANDSHAKE);
    clearTimeout(this.phaseTimer);
    await this.persist();
    this.service.emit('chat-changed', this.snapshot());
  }

  /** The joiner's side: derive the chat key from the welcome, forget the ephemeral key, confirm with an ack. */
  async completeJoin(welcome) {
    const r = this.record;
    const chatKey = await deriveChatKey(r.ephemeralPrivate, welcome.epk, r.inviteKey);
    const now = Date.now();
    r.ephemeralPrivate = null; // and with the next put, gone from IndexedDB
    r.peerInbox = welcome.inbox;
    this.agreeEpochZero(chatKey, now);
    r.phase = 'active';
    r.expires = null;
    r.acceptedJoin = welcome.id;
    r.peerSeq = welcome.seq;
    r.handshakeConfirmed = true;
    if (welcome.name) r.name = welcome.name;
    r.lastActivity = now;
    this.resends.delete(HANDSHAKE);
    clearTimeout(this.phaseTimer);
    clearTimeout(this.lifetimeTimer);
    await this.persist();
    this.armKeyTimer();
    this.queueAck(welcome.id);
    this.flushAcks();
    this.service.emit('chat-ready', this.snapshot());
    this.service.emit('chat-changed', this.snapshot());
  }

  /** Both sides of the join: epoch 0 and the safety code, kept as digits (rekeys never change it). */
  agreeEpochZero(chatKey, now) {
    const r = this.record;
    r.epochs.push({ epoch: 0, key: chatKey, since: now, eraseAt: null });
    r.safetyDigits = safetyDigits(chatKey, r.ownInbox, r.peerInbox);
  }

  /**
   * The peer sent under `key`: that proves the welcome arrived (stop re-sending it), and starts the grace hour of
   * every older epoch key, after which it is erased (docs/protocol.md section 5, step 4).
   */
  async peerUsedKey(key) {
    let changed = false;
    if (!this.record.handshakeConfirmed) {
      this.record.handshakeConfirmed = true;
      this.resends.delete(HANDSHAKE);
      changed = true;
    }
    if (startGrace(this.record, key, Date.now() + this.timings.oldKeyGrace)) changed = true;
    if (changed) {
      await this.persist();
      this.armKeyTimer();
    }
  }

  async messageArrived(msg) {
    const r = this.record;
    this.queueAck(msg.id); // duplicates too: the sender re-sends until it hears an ack (sent after this commit)
    const stored = await this.service.store.receive(r, {
      chat: r.id, dir: 'in', id: msg.id, seq: msg.seq, ts: msg.ts, status: 'received', text: msg.text,
    }, (record) => {
      record.peerSeq = Math.max(record.peerSeq, msg.seq);
      record.unread += 1;
      record.lastActivity = Date.now();
    });
    if (stored === null) {
      this.drop('duplicate');
      return;
    }
    this.service.emit('message-added', r.id, stored);
    this.service.emit('chat-changed', this.snapshot());
  }

  async ackArrived(ack) {
    for (const id of ack.ids) {
      this.resends.delete(id);
      if (await this.service.store.setStatus(this.record.id, id, 'delivered')) {
        this.service.emit('delivery-changed', this.record.id, id, 'delivered');
      }
    }
  }

  drop(reason) {
    this.drops[reason] = (this.drops[reason] ?? 0) + 1;
    this.service.emit('payload-dropped', this.record.id, reason);
    this.service.emit('chat-changed', this.snapshot());
  }

  // ---- sending ----

  async send(text) {
    const r = this.record;
    if (r.phase !== 'active') {
      throw new Error(r.phase === 'invited' ? 'nobody has joined this invite yet'
        : r.phase === 'expired' ? 'the invite expired before your friend answered: ask for a new invite'
          : "the chat is not ready: waiting for the inviter's welcome");
    }
    const problem = textProblem(text);
    if (problem) throw new Error(problem);
    const now = Date.now();
    const msg = { t: 'msg', id: randomId(), to: r.peerInbox, seq: r.sendSeq + 1, ts: now, text };
    const payload = seal(msg, this.currentKey()); // refuses what a peer could not read, before storing
    r.sendSeq += 1;
    r.sentSinceRekey = (r.sentSinceRekey ?? 0) + 1;
    r.lastActivity = now;
    await this.persist();
    const stored = await this.service.store.addMessage({
      chat: r.id, dir: 'out', id: msg.id, seq: msg.seq, ts: now, status: 'queued', text,
    });
    this.service.emit('message-added', r.id, stored);
    this.publishMessage(msg.id, payload);
    await this.rekeyIfDue();
    return stored;
  }

  publishMessage(id, payload) {
    this.schedule(id);
    if (this.connectionState.status !== 'online') return; // stays queued: sent after the next connect
    this.connection.publish(this.record.peerInbox, payload).then(() => this.service.run(async () => {
      if (!this.deleted && await this.service.store.setStatus(this.record.id, id, 'sent')) {
        this.service.emit('delivery-changed', this.record.id, id, 'sent');
      }
    }), () => {});
  }

  schedule(id) {
    const previous = this.resends.get(id);
    const attempt = previous ? previous.attempt + 1 : 1;
    const delay = Math.min(this.timings.resendMax, this.timings.resendFirst * 2 ** (attempt - 1));
    this.resends.set(id, { due: Date.now() + delay, attempt });
    this.armResendTimer();
  }

  armResendTimer() {
    clearTimeout(this.resendTimer);
    this.resendTimer = null;
    if (this.resends.size === 0 || this.deleted) return;
    const earliest = Math.min(...[...this.resends.values()].map((b) => b.due));
    this.resendTimer = setTimeout(() => this.service.run(() => this.resendDue(false)),
      Math.max(0, earliest - Date.now()));
  }

  /** Re-sends the handshake and every unacked message: all of them after a connect, else those due. */
  async resendDue(everything) {
    if (this.deleted) return;
    const now = Date.now();
    const due = (id) => everything || !this.resends.has(id) || this.resends.get(id).due <= now;
    if (this.handshakeOutstanding() && due(HANDSHAKE)) this.sendHandshake();
    else if (!this.handshakeOutstanding()) this.resends.delete(HANDSHAKE); // the join's lifetime ended
    if (this.record.rekeyOffer && due(REKEY)) this.sendRekeyOffer();
    if (this.record.phase === 'active') {
      for (const m of await this.service.store.outbox(this.record.id)) {
        if (due(m.id)) {
          const msg = { t: 'msg', id: m.id, to: this.record.peerInbox, seq: m.seq, ts: m.ts, text: m.text };
          this.publishMessage(m.id, seal(msg, this.currentKey()));
        }
      }
    }
    this.armResendTimer();
  }

  handshakeOutstanding() {
    const r = this.record;
    // the joiner re-sends only before the expiry: after it, no honest inviter takes a join
    return !!r.handshake && ((r.phase === 'joining' && Date.now() < r.expires) || (r.inviter && !r.handshakeConfirmed));
  }

  /** The join (joiner) or welcome (inviter), identical each time, under the invite key. */
  sendHandshake() {
    const r = this.record;
    const h = r.handshake;
    const p = { t: r.inviter ? 'welcome' : 'join', id: h.id, to: r.peerInbox, seq: h.seq, ts: h.ts,
      inbox: r.ownInbox, epk: h.epk };
    if (h.name) p.name = h.name;
    this.schedule(HANDSHAKE);
    if (this.connectionState.status !== 'online') return;
    this.connection.publish(r.peerInbox, seal(p, r.inviteKey)).then(() => this.service.run(async () => {
      if (r.inviter && !this.readyAnnounced && !this.deleted) {
        this.readyAnnounced = true;
        this.service.emit('chat-ready', this.snapshot());
      }
    }), () => {});
  }

  // ---- rekeying (docs/protocol.md section 5, as the desktop's ChatSession) ----

  /** Starts a rekey now, unless one of ours is already under way. */
  async startRekey() {
    const r = this.record;
    if (r.phase !== 'active') throw new Error('keys can be refreshed once the chat is agreed');
    if (r.rekeyOffer) return;
    const now = Date.now();
    // the private half is a non-extractable CryptoKey, kept in IndexedDB so a reload can finish the rekey
    const ephemeral = await generateEphemeral();
    r.sendSeq += 1;
    r.rekeyOffer = {
      id: randomId(), seq: r.sendSeq, ts: now, epoch: currentEpoch(r).epoch + 1, epk: ephemeral.epk,
      privateKey: ephemeral.privateKey,
    };
    await this.persist();
    this.sendRekeyOffer();
    this.service.emit('chat-changed', this.snapshot());
  }

  /** The automatic rekey: after `rekeyAfterMessages` sent, or when the current epoch is `rekeyAfterAge` old. */
  async rekeyIfDue() {
    if (!this.deleted && rekeyDue(this.record, Date.now(), this.timings)) await this.startRekey();
  }

  /** Our rekey, identical each time (same id, seq and epk), under the current key. */
  sendRekeyOffer() {
    const r = this.record;
    const o = r.rekeyOffer;
    this.schedule(REKEY);
    if (this.connectionState.status !== 'online') return;
    const rekey = { t: 'rekey', id: o.id, to: r.peerInbox, seq: o.seq, ts: o.ts, epoch: o.epoch, epk: o.epk };
    this.connection.publish(r.peerInbox, seal(rekey, this.currentKey())).catch(() => {});
  }

  async rekeyArrived(rekey, key) {
    const r = this.record;
    const verdict = rekeyVerdict(r, rekey, key);
    if (verdict.action === 'repeat') {
      this.sendAnswer(r.rekeyAnswer, key); // a copy: the same answer, so both sides agree
      return;
    }
    if (verdict.action === 'stale') {
      this.drop('stale-epoch'); // or both started and the smaller public key, ours, wins
      return;
    }
    if (verdict.abandonOwn) {
      r.rekeyOffer = null; // theirs wins: our private key goes with the next put
      this.resends.delete(REKEY);
    }
    const now = Date.now();
    const ephemeral = await generateEphemeral();
    const next = await deriveChatKey(ephemeral.privateKey, rekey.epk, key);
    r.sendSeq += 1;
    r.rekeyAnswer = { rekeyId: rekey.id, id: randomId(), seq: r.sendSeq, ts: now, epoch: rekey.epoch, epk: ephemeral.epk };
    await this.switchTo(rekey.epoch, next, now);
    this.sendAnswer(r.rekeyAnswer, key);
  }

  /**
   * The rekey-ok goes out under the key the rekey came under, before anything under the new key. A rekey can come
   * out of the broker's queue a moment before the connection reports itself up: then it goes on the next connect.
   */
  sendAnswer(answer, underKey) {
    this.answerUnsent = true;
    if (!this.connection || this.connectionState.status !== 'online') return;
    const r = this.record;
    const ok = { t: 'rekey-ok', id: answer.id, to: r.peerInbox, seq: answer.seq, ts: answer.ts, epoch: answer.epoch,
      epk: answer.epk };
    this.connection.publish(r.peerInbox, seal(ok, underKey)).then(() => this.service.run(async () => {
      if (this.record.rekeyAnswer === answer) this.answerUnsent = false;
    }), () => {});
  }

  /** After a connect: an answer that could not go out before goes now, under the key its rekey came under. */
  sendUnsentAnswer() {
    const answer = this.record.rekeyAnswer;
    if (!this.answerUnsent || !answer) return;
    const previous = this.record.epochs.find((e) => e.epoch === answer.epoch - 1);
    if (previous) this.sendAnswer(answer, previous.key);
  }

  async rekeyOkArrived(ok, key) {
    const r = this.record;
    const verdict = rekeyOkVerdict(r, ok, key);
    if (verdict === 'duplicate') {
      this.drop('duplicate');
    } else if (verdict === 'stale') {
      this.drop('stale-epoch');
    } else {
      const next = await deriveChatKey(r.rekeyOffer.privateKey, ok.epk, key);
      r.rekeyOffer = null; // the private key: no reference left, and gone from IndexedDB with the next put
      r.rekeyOkTaken = ok.id;
      this.resends.delete(REKEY);
      await this.switchTo(ok.epoch, next, Date.now());
    }
  }

  /** Sends under the new epoch key from now on; unacked messages are re-sealed under it when re-sent. */
  async switchTo(epoch, key, now) {
    addEpoch(this.record, epoch, key, now);
    await this.persist();
    this.armKeyTimer();
    this.service.emit('chat-changed', this.snapshot());
  }

  /** Erases replaced keys whose grace has passed, from memory and from IndexedDB (the put replaces the record). */
  async eraseOldKeys() {
    if (eraseDueKeys(this.record, Date.now())) await this.persist();
    await this.rekeyIfDue();
  }

  /** One timer for the next key event: an old key's erasure or the epoch's age limit. */
  armKeyTimer() {
    clearTimeout(this.keyTimer);
    this.keyTimer = null;
    if (this.record.phase !== 'active' || this.deleted || this.closed) return;
    // setTimeout holds at most 2^31-1 ms; a later event re-arms when this one fires
    const delay = Math.min(2 ** 31 - 1, Math.max(0, nextKeyEvent(this.record, this.timings) - Date.now()));
    this.keyTimer = setTimeout(() => this.service.run(async () => {
      this.keyTimer = null;
      if (this.deleted) return;
      await this.eraseOldKeys();
      this.armKeyTimer();
    }), delay);
  }

  /** The chat's safety code (20 digits), or throws before the join is complete. */
  safetyCode() {
    const r = this.record;
    if (!r.safetyDigits && r.phase === 'active') {
      // a chat agreed before safety codes (which also had no rekeys): its epoch 0 key is still here
      const zero = r.epochs.find((e) => e.epoch === 0);
      if (zero) {
        r.safetyDigits = safetyDigits(zero.key, r.ownInbox, r.peerInbox);
        this.persist().catch(() => {});
      }
    }
    if (!r.safetyDigits) throw new Error('the chat has no safety code until the join is complete');
    return r.safetyDigits;
  }

  /** Marks the chat verified when `scannedOrTyped` is its safety code; a mismatch throws a {@link SafetyMismatch}. */
  async verify(scannedOrTyped) {
    const code = this.safetyCode();
    if (digitsFrom(scannedOrTyped) === null) throw new Error(NOT_A_CODE);
    if (!safetyMatches(code, scannedOrTyped)) throw new SafetyMismatch(MISMATCH_WARNING);
    if (!this.record.verified) {
      this.record.verified = true;
      await this.persist();
      this.service.emit('chat-changed', this.snapshot());
    }
  }

  // ---- acks ----

  queueAck(id) {
    if (!this.pendingAcks.includes(id)) this.pendingAcks.push(id);
    if (this.pendingAcks.length >= MAX_ACK_IDS) this.flushAcks();
    else if (this.ackTimer === null) {
      this.ackTimer = setTimeout(() => this.service.run(async () => this.flushAcks()), this.timings.ackBatch);
    }
  }

  /** Sends the batched acks; acks are not acked, a lost one is answered by the sender's re-send. */
  flushAcks() {
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
    const r = this.record;
    if (this.pendingAcks.length === 0 || r.phase !== 'active' || this.deleted
      || this.connectionState.status !== 'online') return;
    while (this.pendingAcks.length > 0) {
      const ids = this.pendingAcks.splice(0, MAX_ACK_IDS);
      const ack = { t: 'ack', id: randomId(), to: r.peerInbox, ts: Date.now(), ids };
      this.connection.publish(r.peerInbox, seal(ack, this.currentKey())).catch(() => {});
    }
  }

  // ---- user commands and views ----

  async markRead() {
    if (this.record.unread !== 0) {
      this.record.unread = 0;
      await this.persist();
      this.service.emit('chat-changed', this.snapshot());
    }
  }

  async rename(name) {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 64) throw new Error('a chat name must be 1 to 64 characters');
    this.record.name = trimmed;
    await this.persist();
    this.service.emit('chat-changed', this.snapshot());
  }

  snapshot() {
    const r = this.record;
    return {
      id: r.id, name: r.name, phase: r.phase, inviter: r.inviter, created: r.created, expires: r.expires,
      lastActivity: r.lastActivity, unread: r.unread, connection: { ...this.connectionState },
      drops: Object.values(this.drops).reduce((a, b) => a + b, 0), dropsByReason: { ...this.drops },
      link: r.phase === 'invited' && this.live ? r.link : null, live: this.live,
      verified: r.verified === true, safetyDigits: r.safetyDigits ?? null,
      epoch: r.epochs.length ? currentEpoch(r).epoch : 0, epochSince: r.epochs.length ? currentEpoch(r).since : null,
      rekeying: !!r.rekeyOffer,
    };
  }

  async persist() {
    if (!this.deleted) await this.service.store.putChat(this.record);
  }
}

