// One chat's protocol state machine (docs/protocol.md sections 4 to 6, with the desktop's decisions): this
// coordinator holds the chat's state and its life cycle, opens what arrives and hands it to the part that handles
// its type, as the desktop's ChatSession does: join-handshake.js (invite, join, welcome), conversation.js (messages
// and acks), outbox.js (re-sends), rekeying.js (rekeys, with the pure decisions in rekey.js), file-sending.js and
// file-receiving.js (files, docs/protocol.md section 9), chat-snapshot.js.
// Every method runs inside the service's serial queue, so no two handlers interleave across an await.
// Connections come from the service (service.openConnection / retireInbox), so node tests can run two sessions.
import { chatSnapshot } from './chat-snapshot.js';
import { Conversation } from './conversation.js';
import { Accepted, FILE_TYPES, open } from './envelope.js';
import { FileReceiving } from './file-receiving.js';
import { FileSending } from './file-sending.js';
import { JoinHandshake } from './join-handshake.js';
import { Outbox } from './outbox.js';
import { currentEpoch, startGrace } from './rekey.js';
import { Rekeying } from './rekeying.js';
import { MISMATCH_WARNING, NOT_A_CODE, digitsFrom, safetyDigits, safetyMatches } from './safety.js';

/** The safety codes differ: the message explains what that means and what to do. */
export class SafetyMismatch extends Error {}

export class ChatSession {
  constructor(service, record) {
    this.service = service;
    this.record = record;
    this.connection = null;
    this.connectionState = { status: 'offline', detail: 'offline' };
    this.resends = new Map(); // outbox: id -> {due, attempt}
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
    this.outbox = new Outbox(this);
    this.handshake = new JoinHandshake(this);
    this.conversation = new Conversation(this);
    this.rekeying = new Rekeying(this);
    this.sending = new FileSending(this);
    this.receiving = new FileReceiving(this);
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
      this.lifetimeTimer = setTimeout(() => this.service.run(() => this.handshake.joinExpired()),
        Math.max(0, this.handshake.lateFrom() - Date.now()));
    } else if (this.record.phase === 'active') {
      if (!this.record.safetyDigits) this.safetyCode(); // a chat agreed before safety codes: computed once
      this.rekeying.armKeyTimer();
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
      this.rekeying.sendUnsentAnswer(); // before anything under the new key
      await this.outbox.resendDue(true);
      this.conversation.flushAcks();
      await this.receiving.connected();
      await this.rekeying.rekeyIfDue();
    }
  }

  close() {
    this.closed = true; // work still queued on the service must not arm timers for a closed session
    clearTimeout(this.phaseTimer);
    clearTimeout(this.resendTimer);
    clearTimeout(this.ackTimer);
    clearTimeout(this.keyTimer);
    clearTimeout(this.lifetimeTimer);
    this.receiving.close();
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
      if (result.ackable && result.key && this.isEpochKey(result.key)) this.conversation.queueAck(result.ackable);
      this.drop(result.reason);
      return;
    }
    const p = result.plaintext;
    const underInviteKey = result.key === this.record.inviteKey && !this.isEpochKey(result.key);
    const active = this.record.phase === 'active';
    if (p.t === 'join' && underInviteKey) await this.handshake.joinArrived(p);
    else if (p.t === 'welcome' && underInviteKey) await this.handshake.welcomeArrived(p);
    else if (!underInviteKey && active && ['msg', 'ack', 'rekey', 'rekey-ok', ...FILE_TYPES].includes(p.t)) {
      await this.peerUsedKey(result.key);
      if (p.t === 'msg') await this.conversation.messageArrived(p);
      else if (p.t === 'ack') await this.conversation.ackArrived(p);
      else if (p.t === 'rekey') await this.rekeying.rekeyArrived(p, result.key);
      else if (p.t === 'rekey-ok') await this.rekeying.rekeyOkArrived(p, result.key);
      else if (p.t === 'fwant') await this.sending.fwantArrived(p);
      else if (p.t === 'chunk') await this.receiving.chunkArrived(p);
      else await this.receiving.fgoneArrived(p);
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

  /** The key this side sends under: the newest epoch's. */
  currentKey() {
    return currentEpoch(this.record).key;
  }

  /**
   * The peer sent under `key`: that proves the welcome arrived (stop re-sending it), and starts the grace hour of
   * every older epoch key, after which it is erased (docs/protocol.md section 5, step 4).
   */
  async peerUsedKey(key) {
    const confirmed = this.handshake.peerUsedChatKey();
    const graced = startGrace(this.record, key, Date.now() + this.timings.oldKeyGrace);
    if (confirmed || graced) {
      await this.persist();
      this.rekeying.armKeyTimer();
    }
  }

  /** Counts and reports a payload that is not used; it is never shown. */
  drop(reason) {
    this.drops[reason] = (this.drops[reason] ?? 0) + 1;
    this.service.emit('payload-dropped', this.record.id, reason);
    this.service.emit('chat-changed', this.snapshot());
  }

  // ---- user commands and views ----

  send(text) {
    return this.conversation.send(text);
  }

  /** Starts a rekey now, unless one of ours is already under way. */
  startRekey() {
    return this.rekeying.startRekey();
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
    return chatSnapshot(this.record, this);
  }

  async persist() {
    if (!this.deleted) await this.service.store.putChat(this.record);
  }
}
