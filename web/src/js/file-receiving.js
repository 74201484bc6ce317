// The receiving side of files in one chat (docs/protocol.md section 9.4): a manifest is offered, fetched by
// itself up to the automatic-download size, else on the user's request; the chunks are pulled through a window of
// 2 (RECEIVE_WINDOW; the next asked for when one arrived), asked again on every connect and after 10 s without one
// (doubling to 60 s, reset by progress), each checked in the documented order and stored as it came. The file
// counts as received only when the digest over all of it matches the manifest's.
import { fromBase64url, randomId } from './bytes.js';
import { importFileKey, openChunk, paddingIsZero, sha256 } from './file-crypto.js';
import { SEALED_CHUNK_BYTES } from './file-manifest.js';

/**
 * Chunks asked for and not yet come. The protocol allows 8; a browser is always on wss, where Mosquitto writes
 * ~4 KiB per turn of its loop (docs/protocol.md 9.4), so 8 queued chunks would hold a text message ~10 s behind
 * them. 2 cost no throughput there (the pace is the broker's) and keep text a few seconds behind at most.
 */
export const RECEIVE_WINDOW = 2;
import { quotaProblem } from './file-quota.js';
import { seal } from './envelope.js';
import { decryptFile, emitTransfer, fileTiming } from './transfer-record.js';

/** The states in which a chunk of a file is still taken. */
const TAKING = ['downloading', 'paused'];
const MISMATCH = 'the file does not match what its sender announced';

export class FileReceiving {
  constructor(session) {
    this.s = session;
    this.active = new Map(); // file id -> {id, count, size, key, held: Set, outstanding: Set, arrived, delay, timer}
    this.loaded = false; // the downloads of the stored history have been picked up since the session started
  }

  /** A new manifest was stored: fetched now when it is small enough, else it waits for the user. */
  async manifestArrived(m) {
    if (m.file.size <= this.s.service.autoDownloadLimit()) await this.download(m.id, false);
  }

  /**
   * Starts or resumes fetching a file. When the quota leaves no room it stays offered with the reason (and a
   * user's request is refused with it).
   */
  async download(id, byUser = true) {
    const s = this.s;
    const store = s.service.store;
    const m = await store.message(s.record.id, 'in', id);
    if (!m?.file) throw new Error('no such file');
    if (!['offered', 'paused', 'failed'].includes(m.transfer.state)) return; // a failed one starts from scratch
    const problem = await quotaProblem(store, m.file.count, id);
    if (problem) {
      emitTransfer(s, await store.updateMessage(s.record.id, 'in', id, (x) => { x.transfer.problem = problem; }));
      if (byUser) throw new Error(problem);
      return;
    }
    const updated = await store.updateMessage(s.record.id, 'in', id, (x) => {
      x.transfer.state = 'downloading';
      x.transfer.problem = null;
    });
    emitTransfer(s, updated);
    const t = await this.track(updated);
    t.delay = fileTiming(s, 'fileAskFirst');
    this.askFromStart(t);
  }

  /** Pauses a download: what it holds is kept, nothing more is asked for until it is resumed. */
  async pause(id) {
    const s = this.s;
    const m = await s.service.store.message(s.record.id, 'in', id);
    if (m?.transfer?.state !== 'downloading') return;
    const t = this.active.get(id);
    if (t) {
      clearTimeout(t.timer);
      t.timer = null;
      t.state = 'paused';
      t.outstanding.clear();
    }
    emitTransfer(s, await s.service.store.updateMessage(s.record.id, 'in', id, (x) => {
      x.transfer.state = 'paused';
    }));
  }

  /** After every connect: every download asks again from its first missing chunk. */
  async connected() {
    const s = this.s;
    if (!this.loaded) {
      this.loaded = true;
      for (const m of await s.service.store.history(s.record.id)) {
        if (m.dir === 'in' && m.file && m.transfer.state === 'downloading') await this.track(m);
      }
    }
    for (const t of this.active.values()) {
      if (t.state === 'downloading') this.askFromStart(t);
    }
  }

  close() {
    for (const t of this.active.values()) clearTimeout(t.timer);
    this.active.clear();
    this.loaded = false;
  }

  /** The in-memory state of a file being fetched, with the chunks the store already holds of it. */
  async track(m) {
    const known = this.active.get(m.id);
    if (known) {
      known.state = m.transfer.state;
      return known;
    }
    const s = this.s;
    const t = {
      id: m.id, count: m.file.count, size: m.file.size, state: m.transfer.state,
      key: await importFileKey(fromBase64url('key', m.file.key, 32)),
      held: new Set(await s.service.store.chunkIndices(s.record.id, m.id)),
      outstanding: new Set(), arrived: 0, delay: fileTiming(s, 'fileAskFirst'), timer: null,
    };
    this.active.set(m.id, t);
    return t;
  }

  // ---- receiving ----

  /** A chunk, checked in docs/protocol.md section 9.4's order; a bad one is dropped for its reason. */
  async chunkArrived(p) {
    const s = this.s;
    const store = s.service.store;
    const m = await store.message(s.record.id, 'in', p.file);
    if (!m?.file || !TAKING.includes(m.transfer.state)) {
      s.drop('unexpected');
      return;
    }
    if (p.i >= m.file.count) {
      s.drop('malformed');
      return;
    }
    let data;
    try {
      data = fromBase64url('data', p.data, SEALED_CHUNK_BYTES);
    } catch {
      s.drop('malformed');
      return;
    }
    const t = await this.track(m);
    if (t.held.has(p.i)) {
      s.drop('duplicate'); // a replay
      return;
    }
    const plain = await openChunk(t.key, t.id, p.i, t.count, data);
    if (plain === null || !paddingIsZero(plain, p.i, t.size)) {
      s.drop('bad-chunk'); // tampered with, or from another file or place: the real one is asked for again
      if (t.state === 'downloading') this.ask(t, [p.i]);
      return;
    }
    await store.putChunks(s.record.id, t.id, [{ i: p.i, data }]);
    t.held.add(p.i);
    const updated = await store.updateMessage(s.record.id, 'in', t.id, (x) => { x.transfer.held = t.held.size; });
    if (t.held.size === t.count) {
      await this.complete(t);
      return;
    }
    emitTransfer(s, updated);
    if (t.state !== 'downloading') return;
    t.delay = fileTiming(s, 'fileAskFirst'); // progress resets the back-off
    this.armTimer(t);
    if (t.outstanding.delete(p.i)) t.arrived += 1;
    if (t.arrived >= RECEIVE_WINDOW / 2 || t.outstanding.size === 0) {
      t.arrived = 0;
      this.askMore(t);
    }
  }

  /** The sender no longer offers the file: what is held of it is discarded, and the user is told why. */
  async fgoneArrived(p) {
    const s = this.s;
    const store = s.service.store;
    const m = await store.message(s.record.id, 'in', p.file);
    if (!m?.file || !['offered', ...TAKING].includes(m.transfer.state)) {
      s.drop('unexpected');
      return;
    }
    this.forget(p.file);
    await store.deleteChunks(s.record.id, p.file);
    emitTransfer(s, await store.updateMessage(s.record.id, 'in', p.file, (x) => {
      x.transfer.state = 'gone';
      x.transfer.held = 0;
      x.transfer.problem = 'the sender no longer offers this file (cancelled, deleted or older than 30 days)';
    }));
  }

  /** Every chunk is held: the digest over the file's bytes decides between complete and failed. */
  async complete(t) {
    const s = this.s;
    const store = s.service.store;
    this.forget(t.id);
    const m = await store.message(s.record.id, 'in', t.id);
    const bytes = await decryptFile(store, s.record.id, m);
    const digest = bytes && await sha256(bytes);
    const matches = digest !== null && fromBase64url('sha256', m.file.sha256, 32).every((b, k) => b === digest[k]);
    if (matches) {
      this.ask(t, []); // have = N: the sender's copy is delivered
    } else {
      await store.deleteChunks(s.record.id, t.id);
      s.drop('bad-chunk'); // counted once for the whole file
    }
    emitTransfer(s, await store.updateMessage(s.record.id, 'in', t.id, (x) => {
      x.transfer.state = matches ? 'complete' : 'failed';
      x.transfer.held = matches ? t.count : 0;
      x.transfer.problem = matches ? null : MISMATCH;
    }));
  }

  forget(id) {
    const t = this.active.get(id);
    if (t) clearTimeout(t.timer);
    this.active.delete(id);
  }

  // ---- asking ----

  /** The first `max` chunks neither held nor already asked for. */
  missing(t, max) {
    const out = [];
    for (let i = 0; i < t.count && out.length < max; i++) if (!t.held.has(i) && !t.outstanding.has(i)) out.push(i);
    return out;
  }

  /** Asks for the first missing chunks up to the window, whatever was asked before (a connect, or the back-off). */
  askFromStart(t) {
    t.outstanding.clear();
    t.arrived = 0;
    const want = this.missing(t, RECEIVE_WINDOW);
    for (const i of want) t.outstanding.add(i);
    this.ask(t, want);
    this.armTimer(t);
  }

  /** Half of the window arrived: asks for as many more as keep the window full. */
  askMore(t) {
    const want = this.missing(t, RECEIVE_WINDOW - t.outstanding.size);
    for (const i of want) t.outstanding.add(i);
    if (want.length > 0) this.ask(t, want);
  }

  /** Sends fwant: `have` is the first chunk not held (every one below it is stored), `want` what to send. */
  ask(t, want) {
    const s = this.s;
    if (!s.connection || s.connectionState.status !== 'online') return;
    let have = 0;
    while (have < t.count && t.held.has(have)) have += 1;
    const r = s.record;
    const fwant = { t: 'fwant', id: randomId(), to: r.peerInbox, ts: Date.now(), file: t.id, have, want };
    s.connection.publish(r.peerInbox, seal(fwant, s.currentKey())).catch(() => {});
  }

  /** No chunk for `delay`: ask again from the start, and wait twice as long next time (at most 60 s). */
  armTimer(t) {
    const s = this.s;
    clearTimeout(t.timer);
    if (s.closed || s.deleted) return;
    t.timer = setTimeout(() => s.service.run(async () => {
      if (this.active.get(t.id) !== t || t.state !== 'downloading') return;
      t.delay = Math.min(fileTiming(s, 'fileAskMax'), t.delay * 2);
      this.askFromStart(t);
    }), t.delay);
  }
}
