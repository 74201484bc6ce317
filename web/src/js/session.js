// One chat's protocol state machine (PROTOCOL.md sections 4 and 6, with the desktop's decisions in
// docs/protocol.md): invite, join, welcome and its confirmation, messages, acks and re-sends. Every method runs
// inside the service's serial queue, so no two handlers interleave across an await.
import { randomId, random256 } from './bytes.js';
import { InboxConnection } from './connection.js';
import { Accepted, MAX_ACK_IDS, open, seal, textProblem } from './envelope.js';
import { deriveChatKey, generateEphemeral } from './keys.js';

const HANDSHAKE = 'handshake';

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
    this.deleted = false;
    this.readyAnnounced = false;
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
    }
    this.connect();
  }

  connect() {
    const inbox = this.record.ownInbox;
    const connection = new InboxConnection(this.record.wss, inbox, {
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
      await this.resendDue(true);
      this.flushAcks();
    }
  }

  close() {
    clearTimeout(this.phaseTimer);
    clearTimeout(this.resendTimer);
    clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.resendTimer = null;
    if (this.connection) this.connection.close();
    this.connection = null;
    this.connectionState = { status: 'offline', detail: 'offline' };
  }

  /** Forgets the chat: the broker drops its inbox's session, the browser drops its keys and history. */
  async delete(why) {
    this.deleted = true;
    this.close();
    InboxConnection.retire(this.record.wss, this.record.ownInbox).catch(() => {});
    await this.service.store.deleteChat(this.record.id);
    this.service.forget(this.record.id);
    this.service.emit('chat-removed', this.record.id, why);
  }

  async expireInvite() {
    if (this.record.phase === 'invited' && !this.deleted) await this.delete('the invite expired');
  }

  /** Makes the broker forget an inbox's session so nothing queued there survives (PROTOCOL.md section 4). */
  retire(inbox) {
    InboxConnection.retire(this.record.wss, inbox).then(() => this.service.run(async () => {
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
    else if (p.t === 'msg' && !underInviteKey && active) {
      await this.peerUsedChatKey();
      await this.messageArrived(p);
    } else if (p.t === 'ack' && !underInviteKey && active) {
      await this.peerUsedChatKey();
      await this.ackArrived(p);
    } else {
      this.drop('unexpected'); // e.g. a msg under the invite key: anyone who saw the QR has it; rekeys: not yet
    }
  }

  receiveKeys() {
    const keys = this.record.epochs.map((e) => e.key);
    if (this.record.inviteKey && !keys.includes(this.record.inviteKey)) keys.push(this.record.inviteKey);
    return keys;
  }

  isEpochKey(key) {
    return this.record.epochs.some((e) => e.key === key);
  }

  currentKey() {
    return this.record.epochs[this.record.epochs.length - 1].key;
  }

  async joinArrived(join) {
    const r = this.record;
    if (!r.inviter) this.drop('unexpected');
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
    r.epochs.push({ epoch: 0, key: chatKey, since: now });
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
  }

  async welcomeArrived(welcome) {
    const r = this.record;
    if (r.inviter) this.drop('unexpected');
    else if (r.phase === 'joining') await this.completeJoin(welcome);
    else if (r.acceptedJoin === welcome.id) {
      this.drop('duplicate');
      this.queueAck(welcome.id); // our ack may have been lost: the inviter re-sends until it sees one
    } else this.drop('unexpected');
  }

  /** The joiner's side: derive the chat key from the welcome, forget the ephemeral key, confirm with an ack. */
  async completeJoin(welcome) {
    const r = this.record;
    const chatKey = await deriveChatKey(r.ephemeralPrivate, welcome.epk, r.inviteKey);
    const now = Date.now();
    r.ephemeralPrivate = null; // and with the next put, gone from IndexedDB
    r.peerInbox = welcome.inbox;
    r.epochs.push({ epoch: 0, key: chatKey, since: now });
    r.phase = 'active';
    r.expires = null;
    r.acceptedJoin = welcome.id;
    r.peerSeq = welcome.seq;
    r.handshakeConfirmed = true;
    if (welcome.name) r.name = welcome.name;
    r.lastActivity = now;
    this.resends.delete(HANDSHAKE);
    clearTimeout(this.phaseTimer);
    await this.persist();
    this.queueAck(welcome.id);
    this.flushAcks();
    this.service.emit('chat-ready', this.snapshot());
    this.service.emit('chat-changed', this.snapshot());
  }

  /** Any payload under the chat key proves the welcome arrived: stop re-sending it. */
  async peerUsedChatKey() {
    if (!this.record.handshakeConfirmed) {
      this.record.handshakeConfirmed = true;
      this.resends.delete(HANDSHAKE);
      await this.persist();
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
        : "the chat is not ready: waiting for the inviter's welcome");
    }
    const problem = textProblem(text);
    if (problem) throw new Error(problem);
    const now = Date.now();
    const msg = { t: 'msg', id: randomId(), to: r.peerInbox, seq: r.sendSeq + 1, ts: now, text };
    const payload = seal(msg, this.currentKey()); // refuses what a peer could not read, before storing
    r.sendSeq += 1;
    r.lastActivity = now;
    await this.persist();
    const stored = await this.service.store.addMessage({
      chat: r.id, dir: 'out', id: msg.id, seq: msg.seq, ts: now, status: 'queued', text,
    });
    this.service.emit('message-added', r.id, stored);
    this.publishMessage(msg.id, payload);
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
    return !!r.handshake && (r.phase === 'joining' || (r.inviter && !r.handshakeConfirmed));
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
      link: r.phase === 'invited' ? r.link : null,
    };
  }

  async persist() {
    if (!this.deleted) await this.service.store.putChat(this.record);
  }
}

