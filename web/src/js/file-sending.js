// The sending side of files in one chat (docs/protocol.md section 9): a file is sealed chunk by chunk once, under
// a fresh key, the chunks are stored as they will travel, and its manifest goes out as a msg through the outbox.
// The receiver then pulls: each fwant is answered with the chunks it asks for (an index at most once per 5 s) or
// with fgone when the file is no longer offered (cancelled, unknown, older than 30 days).
import { base64url, randomBytes, randomId } from './bytes.js';
import { seal } from './envelope.js';
import { importFileKey, sealChunk, sha256 } from './file-crypto.js';
import {
  CHUNK_BYTES, chunkCount, fallbackText, fileNameProblem, mediaTypeOf, sizeProblem,
} from './file-manifest.js';
import { quotaProblem } from './file-quota.js';
import { emitTransfer, fileTiming, publicMessage, transfer } from './transfer-record.js';

/** How many chunks are sealed and stored in one IndexedDB transaction: ~1 MiB at a time in memory. */
const BATCH = 16;
/** The states in which this side still offers a file. */
const OFFERING = ['sending', 'delivered', 'unsupported'];

export class FileSending {
  constructor(session) {
    this.s = session;
    this.sentAt = new Map(); // `${file}|${i}` -> when that chunk last went out
  }

  /**
   * Sends `bytes` (a Uint8Array) as the file `name` of media type `type`: refused with a message before anything
   * is stored when it is empty, over 100 MiB, badly named, or past this browser's quota.
   */
  async sendFile(name, type, bytes) {
    const s = this.s;
    const r = s.record;
    const notReady = s.conversation.notReady();
    if (notReady) throw new Error(notReady);
    const problem = sizeProblem(bytes.length) ?? fileNameProblem(name)
      ?? await quotaProblem(s.service.store, chunkCount(bytes.length));
    if (problem) throw new Error(problem);
    const id = randomId();
    const keyBytes = randomBytes(32);
    const count = chunkCount(bytes.length);
    const file = {
      name, size: bytes.length, type: mediaTypeOf(type), chunk: CHUNK_BYTES, count,
      sha256: base64url(await sha256(bytes)), key: base64url(keyBytes),
    };
    const now = Date.now();
    const msg = { t: 'msg', id, to: r.peerInbox, seq: r.sendSeq + 1, ts: now, text: fallbackText(name, bytes.length),
      file };
    const payload = seal(msg, s.currentKey()); // refuses what a peer could not read, before storing
    const key = await importFileKey(keyBytes);
    for (let first = 0; first < count; first += BATCH) {
      const batch = [];
      for (let i = first; i < Math.min(count, first + BATCH); i++) {
        batch.push({ i, data: await sealChunk(key, id, i, count, bytes) });
      }
      await s.service.store.putChunks(r.id, id, batch);
    }
    r.sendSeq += 1;
    r.sentSinceRekey = (r.sentSinceRekey ?? 0) + 1;
    r.lastActivity = now;
    await s.persist();
    const stored = await s.service.store.addMessage({
      chat: r.id, dir: 'out', id, seq: msg.seq, ts: now, status: 'queued', text: msg.text, file,
      transfer: transfer('sending'),
    });
    s.service.emit('message-added', r.id, publicMessage(stored));
    s.conversation.publishMessage(id, payload);
    await s.rekeying.rekeyIfDue();
    return publicMessage(stored);
  }

  /** The receiver's ask: progress for the sender's bar, and the chunks it wants (docs/protocol.md section 9.4). */
  async fwantArrived(p) {
    const s = this.s;
    const store = s.service.store;
    const m = await store.message(s.record.id, 'out', p.file);
    const now = Date.now();
    if (!m?.file || !OFFERING.includes(m.transfer.state)) {
      this.sendGone(p.file); // not ours, cancelled or deleted: said so, so the peer stops asking
      return;
    }
    if (now - m.ts >= fileTiming(s, 'fileOffer')) {
      emitTransfer(s, await store.updateMessage(s.record.id, 'out', p.file, (x) => {
        x.transfer.state = 'cancelled';
        x.transfer.problem = 'no longer offered: your friend did not fetch it within 30 days';
      }));
      this.sendGone(p.file);
      return;
    }
    const { count } = m.file;
    if (p.have > count || p.want.some((i) => i >= count)) {
      s.drop('malformed');
      return;
    }
    const complete = p.have === count && p.want.length === 0;
    if (p.have > m.transfer.held || complete || m.transfer.state === 'unsupported') {
      // an ask proves the peer reads files, whatever an ack said before
      const updated = await store.updateMessage(s.record.id, 'out', p.file, (x) => {
        x.transfer.held = Math.max(x.transfer.held, p.have);
        x.transfer.state = complete ? 'delivered' : x.transfer.state === 'unsupported' ? 'sending' : x.transfer.state;
        x.transfer.problem = null;
      });
      emitTransfer(s, updated);
    }
    for (const [k, at] of this.sentAt) if (now - at >= fileTiming(s, 'chunkGap')) this.sentAt.delete(k);
    for (const i of p.want) {
      if (this.sentAt.has(`${p.file}|${i}`)) continue; // sent less than 5 s ago: a repeated ask costs one answer
      const data = await store.chunk(s.record.id, p.file, i);
      if (data === undefined) {
        this.sendGone(p.file); // our copy is gone (a profile cleared by hand): nothing can complete it
        return;
      }
      if (this.publish({ t: 'chunk', file: p.file, i, data: base64url(data) })) this.sentAt.set(`${p.file}|${i}`, now);
    }
  }

  /**
   * The peer's ack named our manifests; an ack without `files` came from a Parley that cannot receive files, so
   * those are marked unsupported and no longer offered.
   */
  async ackArrived(ack) {
    if (ack.files) return;
    const s = this.s;
    for (const id of ack.ids) {
      const m = await s.service.store.message(s.record.id, 'out', id);
      if (m?.file && m.transfer.state === 'sending') {
        emitTransfer(s, await s.service.store.updateMessage(s.record.id, 'out', id, (x) => {
          x.transfer.state = 'unsupported';
          x.transfer.problem = "your friend's Parley is older and cannot receive files";
        }));
      }
    }
  }

  /** Stops offering a file we sent: its chunks are erased and every later ask is answered by fgone. */
  async cancel(id) {
    const s = this.s;
    const m = await s.service.store.message(s.record.id, 'out', id);
    if (!m?.file) throw new Error('no such file');
    if (!['sending', 'unsupported'].includes(m.transfer.state)) return;
    const updated = await s.service.store.updateMessage(s.record.id, 'out', id, (x) => {
      x.transfer.state = 'cancelled';
      x.transfer.problem = 'you cancelled sending this file';
    });
    await s.service.store.deleteChunks(s.record.id, id);
    emitTransfer(s, updated);
  }

  sendGone(file) {
    this.publish({ t: 'fgone', file });
  }

  /** Seals and publishes a file payload now; not outboxed (each is derived again from state when lost). */
  publish(fields) {
    const s = this.s;
    if (!s.connection || s.connectionState.status !== 'online') return false;
    const r = s.record;
    const p = { id: randomId(), to: r.peerInbox, ts: Date.now(), ...fields };
    s.connection.publish(r.peerInbox, seal(p, s.currentKey())).catch(() => {});
    return true;
  }
}
