// Messages and acks in an agreed chat (docs/protocol.md section 6), as the desktop's Conversation and AckBatch:
// a msg is stored before it is published and re-sent (outbox.js) until its ack; every msg received, duplicates too,
// is acked in batches of up to 100 ids within the ack batch time. State lives on the session (`pendingAcks`,
// `ackTimer`), which clears it on close.
import { randomId } from './bytes.js';
import { MAX_ACK_IDS, seal, textProblem } from './envelope.js';
import { publicMessage, transfer } from './transfer-record.js';

export class Conversation {
  constructor(session) {
    this.s = session;
  }

  async messageArrived(msg) {
    const s = this.s;
    const r = s.record;
    this.queueAck(msg.id); // duplicates too: the sender re-sends until it hears an ack (sent after this commit)
    const message = { chat: r.id, dir: 'in', id: msg.id, seq: msg.seq, ts: msg.ts, status: 'received', text: msg.text };
    if (msg.file) Object.assign(message, { file: msg.file, transfer: transfer('offered') });
    const stored = await s.service.store.receive(r, message, (record) => {
      record.peerSeq = Math.max(record.peerSeq, msg.seq);
      record.unread += 1;
      record.lastActivity = Date.now();
    });
    if (stored === null) {
      s.drop('duplicate');
      return;
    }
    s.service.emit('message-added', r.id, publicMessage(stored));
    s.service.emit('chat-changed', s.snapshot());
    if (stored.file) await s.receiving.manifestArrived(stored);
  }

  async ackArrived(ack) {
    const s = this.s;
    for (const id of ack.ids) {
      s.outbox.done(id);
      if (await s.service.store.setStatus(s.record.id, id, 'delivered')) {
        s.service.emit('delivery-changed', s.record.id, id, 'delivered');
      }
    }
    await s.sending.ackArrived(ack);
  }

  /** Why nothing can be sent in this chat yet, or null. */
  notReady() {
    const r = this.s.record;
    if (r.phase === 'active') return null;
    return r.phase === 'invited' ? 'nobody has joined this invite yet'
      : r.phase === 'expired' ? 'the invite expired before your friend answered: ask for a new invite'
        : "the chat is not ready: waiting for the inviter's welcome";
  }

  async send(text) {
    const s = this.s;
    const r = s.record;
    const notReady = this.notReady();
    if (notReady) throw new Error(notReady);
    const problem = textProblem(text);
    if (problem) throw new Error(problem);
    const now = Date.now();
    const msg = { t: 'msg', id: randomId(), to: r.peerInbox, seq: r.sendSeq + 1, ts: now, text };
    const payload = seal(msg, s.currentKey()); // refuses what a peer could not read, before storing
    r.sendSeq += 1;
    r.sentSinceRekey = (r.sentSinceRekey ?? 0) + 1;
    r.lastActivity = now;
    await s.persist();
    const stored = await s.service.store.addMessage({
      chat: r.id, dir: 'out', id: msg.id, seq: msg.seq, ts: now, status: 'queued', text,
    });
    s.service.emit('message-added', r.id, stored);
    this.publishMessage(msg.id, payload);
    await s.rekeying.rekeyIfDue();
    return stored;
  }

  publishMessage(id, payload) {
    const s = this.s;
    s.outbox.schedule(id);
    if (s.connectionState.status !== 'online') return; // stays queued: sent after the next connect
    s.connection.publish(s.record.peerInbox, payload).then(() => s.service.run(async () => {
      if (!s.deleted && await s.service.store.setStatus(s.record.id, id, 'sent')) {
        s.service.emit('delivery-changed', s.record.id, id, 'sent');
      }
    }), () => {});
  }

  queueAck(id) {
    const s = this.s;
    if (!s.pendingAcks.includes(id)) s.pendingAcks.push(id);
    if (s.pendingAcks.length >= MAX_ACK_IDS) this.flushAcks();
    else if (s.ackTimer === null) {
      s.ackTimer = setTimeout(() => s.service.run(async () => this.flushAcks()), s.timings.ackBatch);
    }
  }

  /** Sends the batched acks; acks are not acked, a lost one is answered by the sender's re-send. */
  flushAcks() {
    const s = this.s;
    clearTimeout(s.ackTimer);
    s.ackTimer = null;
    const r = s.record;
    if (s.pendingAcks.length === 0 || r.phase !== 'active' || s.deleted
      || s.connectionState.status !== 'online') return;
    while (s.pendingAcks.length > 0) {
      const ids = s.pendingAcks.splice(0, MAX_ACK_IDS);
      // files: 1 tells the sender that this version reads file manifests (docs/protocol.md section 9.3)
      const ack = { t: 'ack', id: randomId(), to: r.peerInbox, ts: Date.now(), ids, files: 1 };
      s.connection.publish(r.peerInbox, seal(ack, s.currentKey())).catch(() => {});
    }
  }
}
