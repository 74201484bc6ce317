// Files between two real ChatSessions on the in-memory broker (docs/protocol.md section 9): the whole transfer
// with the real WebCrypto chunk encryption and CryptoJS envelopes, and what a rogue or a broken network does to
// it: tampered, moved and replayed chunks, lying manifests, an older peer's acks, a receiver that reloads.
import './setup.js';
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { random256, randomId } from '../src/js/bytes.js';
import { Accepted, mac, open, seal } from '../src/js/envelope.js';
import { CHUNK_BYTES, MAX_FILE_BYTES } from '../src/js/file-manifest.js';
import { QUOTA_BYTES } from '../src/js/file-quota.js';
import { ChatSession } from '../src/js/session.js';
import { decryptFile } from '../src/js/transfer-record.js';
import { MemoryBroker, agreedPair } from './memory-broker.js';

const TIMINGS = {
  resendFirst: 50, resendMax: 100, ackBatch: 5, joinUnanswered: 30000, inviteValidity: 3600000,
  rekeyAfterMessages: 1000, rekeyAfterAge: 7 * 24 * 3600 * 1000, oldKeyGrace: 3600 * 1000, clockSkew: 100,
  fileAskFirst: 3000, fileAskMax: 6000, chunkGap: 100, fileOffer: 30 * 24 * 3600 * 1000,
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0, 1, 2, 3, 4]);

// a wait on state; the bound only ends a wait that is already wrong, so it is generous for a loaded machine
async function until(what, condition, ms = 60000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const open_ = [];
afterEach(() => {
  for (const s of open_.splice(0)) s.close(); // a failed test must not leave timers that keep node running
});

function pattern(size, seed = 7) {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed + (i >>> 8)) & 0xff;
  return bytes;
}

/**
 * Two agreed sessions whose traffic passes `tap(plaintext, to)`: it returns the plaintext to deliver (changed or
 * not, re-sealed under the chat key) or null to lose it. `seen` keeps every plaintext published, in order.
 */
function pair(tap = (p) => p) {
  const broker = new MemoryBroker();
  const key = random256();
  const a = random256();
  const b = random256();
  const seen = [];
  const publish = broker.publish.bind(broker);
  const state = { tap };
  broker.publish = (to, text) => {
    const opened = open(new TextEncoder().encode(text), [key], to);
    assert.ok(opened instanceof Accepted, `published a payload the peer drops (${opened.reason})`);
    seen.push(opened.plaintext);
    const kept = state.tap(opened.plaintext, to);
    if (kept === opened.plaintext) publish(to, text);
    else if (kept) publish(to, seal(kept, key));
  };
  const [left, right] = agreedPair(broker, TIMINGS, key, a, b);
  open_.push(left, right);
  // a rogue's payload under the chat key, sealed without the sender's own checks
  const inject = (to, p) => {
    const ct = globalThis.CryptoJS.AES.encrypt(JSON.stringify(p), key).toString();
    broker.enqueue(to, JSON.stringify({ v: 1, ct, mac: mac(ct, key) }));
  };
  return { broker, key, left, right, seen, state, inject };
}

const online = (s) => until('online', () => s.connectionState.status === 'online');
const sendFile = (s, name, type, bytes) => s.service.run(() => s.sending.sendFile(name, type, bytes));
const received = (s, id) => s.service.store.message(s.record.id, 'in', id);
const sent = (s, id) => s.service.store.message(s.record.id, 'out', id);
const stateOf = async (m) => (await m)?.transfer?.state;

async function bothOnline(p) {
  await online(p.left);
  await online(p.right);
}

test('two web sessions exchange a small image and a multi-chunk file byte for byte', async () => {
  const p = pair();
  await bothOnline(p);
  const big = pattern(5 * CHUNK_BYTES + 1234); // 6 chunks, the last one padded
  const image = await sendFile(p.left, 'dot.png', 'image/png', PNG);
  const file = await sendFile(p.left, 'report.bin', '', big);
  assert.equal(file.file.count, 6);
  assert.equal(file.file.type, 'application/octet-stream');
  assert.equal(file.file.key, undefined, 'the faces never see a file key');
  for (const [m, bytes] of [[image, PNG], [file, big]]) {
    await until('complete', async () => (await stateOf(received(p.right, m.id))) === 'complete');
    const got = await decryptFile(p.right.service.store, p.right.record.id, await received(p.right, m.id));
    assert.deepEqual(got, bytes);
    await until('delivered', async () => (await stateOf(sent(p.left, m.id))) === 'delivered');
  }
  const names = p.right.service.events.filter(([t]) => t === 'message-added').map(([, , m]) => m.file?.name);
  assert.deepEqual(names, ['dot.png', 'report.bin']);
  const acks = p.seen.filter((x) => x.t === 'ack');
  assert.ok(acks.length > 0 && acks.every((x) => x.files === 1), 'every ack says files:1');
  assert.equal(p.right.drops['bad-chunk'], undefined);
  p.left.close();
  p.right.close();
});

test('the window: over wss at most 2 chunks asked for at once, the next one when one has arrived', async () => {
  const p = pair();
  await bothOnline(p);
  const m = await sendFile(p.left, 'twenty.bin', 'application/octet-stream', pattern(20 * CHUNK_BYTES));
  await until('complete', async () => (await stateOf(received(p.right, m.id))) === 'complete');
  const wants = p.seen.filter((x) => x.t === 'fwant' && x.file === m.id);
  assert.deepEqual(wants[0].want, [0, 1]);
  assert.equal(wants[0].have, 0);
  assert.deepEqual(wants[1].want, [2]);
  assert.ok(wants.every((w) => w.want.length <= 2));
  assert.deepEqual(wants.at(-1), { ...wants.at(-1), have: 20, want: [] }, 'the last fwant says complete');
  p.left.close();
  p.right.close();
});

test('a tampered chunk is dropped as bad-chunk and asked for again; the file still completes', async () => {
  let tampered = false;
  const p = pair((x) => {
    if (x.t !== 'chunk' || x.i !== 1 || tampered) return x;
    tampered = true;
    const flipped = x.data[100] === 'A' ? 'B' : 'A';
    return { ...x, data: x.data.slice(0, 100) + flipped + x.data.slice(101) };
  });
  await bothOnline(p);
  const bytes = pattern(3 * CHUNK_BYTES);
  const m = await sendFile(p.left, 'three.bin', 'application/octet-stream', bytes);
  await until('bad-chunk', () => p.right.drops['bad-chunk'] === 1);
  await until('asked again', () => p.seen.some((x) => x.t === 'fwant' && x.want.length === 1 && x.want[0] === 1));
  await until('complete', async () => (await stateOf(received(p.right, m.id))) === 'complete');
  assert.deepEqual(await decryptFile(p.right.service.store, p.right.record.id, await received(p.right, m.id)), bytes);
  p.left.close();
  p.right.close();
});

test('a chunk moved to another index or another file fails its tag (bad-chunk); a replay is a duplicate', async () => {
  const p = pair((x) => (x.t === 'chunk' ? null : x)); // chunks only as this test injects them
  await bothOnline(p);
  const one = await sendFile(p.left, 'one.bin', 'application/octet-stream', pattern(2 * CHUNK_BYTES, 1));
  const two = await sendFile(p.left, 'two.bin', 'application/octet-stream', pattern(2 * CHUNK_BYTES, 2));
  await until('both asked for', () => p.seen.filter((x) => x.t === 'chunk').length >= 4);
  const chunkOf = (file, i) => p.seen.find((x) => x.t === 'chunk' && x.file === file && x.i === i);
  const own = p.right.record.ownInbox;
  const base = { t: 'chunk', to: own, ts: Date.now() };
  const drops = { ...p.right.drops }; // re-sent manifests count as duplicates too: only what follows is counted
  const more = (reason) => (p.right.drops[reason] ?? 0) - (drops[reason] ?? 0);
  p.inject(own, { ...base, id: randomId(), file: one.id, i: 1, data: chunkOf(one.id, 0).data });
  await until('moved index', () => more('bad-chunk') === 1);
  p.inject(own, { ...base, id: randomId(), file: two.id, i: 0, data: chunkOf(one.id, 0).data });
  await until('other file', () => more('bad-chunk') === 2);
  p.inject(own, { ...base, id: randomId(), file: one.id, i: 0, data: chunkOf(one.id, 0).data });
  await until('held', async () => (await received(p.right, one.id)).transfer.held === 1);
  p.inject(own, { ...base, id: randomId(), file: one.id, i: 0, data: chunkOf(one.id, 0).data });
  await until('replay', () => more('duplicate') === 1);
  // the documented order: out of range, then bad data, then an unknown file
  p.inject(own, { ...base, id: randomId(), file: one.id, i: 2, data: chunkOf(one.id, 0).data });
  p.inject(own, { ...base, id: randomId(), file: one.id, i: 1, data: 'AAAA' });
  await until('malformed', () => more('malformed') === 2);
  p.inject(own, { ...base, id: randomId(), file: randomId(), i: 0, data: chunkOf(one.id, 0).data });
  await until('unexpected', () => more('unexpected') === 1);
  assert.equal((await received(p.right, one.id)).transfer.held, 1);
  p.left.close();
  p.right.close();
});

test('a manifest that lies about its size or count is dropped as malformed, and acked', async () => {
  const p = pair();
  await bothOnline(p);
  const own = p.right.record.ownInbox;
  const file = { name: 'x.bin', size: 70000, type: 'application/octet-stream', chunk: CHUNK_BYTES, count: 2,
    sha256: random256(), key: random256() };
  const msg = (f, seq) => ({ t: 'msg', id: randomId(), to: own, seq, ts: Date.now(), text: 'a file', file: f });
  const lies = [msg({ ...file, count: 3 }, 5), msg({ ...file, size: 200000 }, 6),
    msg({ ...file, size: MAX_FILE_BYTES + 1, count: 1601 }, 7), msg({ ...file, chunk: 32768 }, 8)];
  for (const lie of lies) p.inject(own, lie);
  await until('all dropped', () => p.right.drops.malformed === lies.length);
  await until('all acked', () => lies.every((l) => p.seen.some((x) => x.t === 'ack' && x.ids.includes(l.id))));
  assert.deepEqual(p.right.service.events.filter(([t]) => t === 'message-added'), []);
  p.left.close();
  p.right.close();
});

test('a file over 100 MiB is refused before anything is sent, naming both sizes', async () => {
  const p = pair();
  await bothOnline(p);
  const before = p.seen.length;
  await assert.rejects(sendFile(p.left, 'huge.iso', '', new Uint8Array(MAX_FILE_BYTES + 1)),
    /104,857,601 bytes.*104,857,600 bytes/);
  await assert.rejects(sendFile(p.left, 'empty.txt', '', new Uint8Array(0)), /empty/);
  await assert.rejects(sendFile(p.left, '../etc', '', PNG), /slash/);
  assert.equal(p.seen.length, before);
  assert.deepEqual(await p.left.service.store.history(p.left.record.id), []);
  p.left.close();
  p.right.close();
});

test('a file past the browser quota is refused by the sender and left offered by the receiver', async () => {
  const p = pair();
  await bothOnline(p);
  const fill = (s, dir, state, count) => s.service.store.addMessage({
    chat: s.record.id, dir, id: randomId(), seq: 1, ts: Date.now(), status: 'received', text: 'x',
    file: { name: 'old.bin', size: count * CHUNK_BYTES, count },
    transfer: { state, held: 0, problem: null },
  });
  await fill(p.left, 'out', 'delivered', QUOTA_BYTES / CHUNK_BYTES - 1);
  await assert.rejects(sendFile(p.left, 'two.bin', '', pattern(CHUNK_BYTES + 1)), /at most 200 MiB/);
  await fill(p.right, 'in', 'complete', QUOTA_BYTES / CHUNK_BYTES);
  const m = await sendFile(p.left, 'one.bin', '', pattern(100)); // one chunk: the sender's quota still has it
  await until('offered with a reason', async () => !!(await received(p.right, m.id))?.transfer.problem);
  const r = await received(p.right, m.id);
  assert.equal(r.transfer.state, 'offered');
  assert.match(r.transfer.problem, /at most 200 MiB/);
  await assert.rejects(p.right.service.run(() => p.right.receiving.download(m.id)), /at most 200 MiB/);
  p.left.close();
  p.right.close();
});

test('an ack without files marks our manifest unsupported: the peer cannot receive files', async () => {
  const p = pair((x) => {
    if (x.t === 'ack') return { ...x, files: undefined }; // an older Parley's ack
    return x.t === 'fwant' ? null : x; // and it never asks
  });
  await bothOnline(p);
  const m = await sendFile(p.left, 'dot.png', 'image/png', PNG);
  await until('unsupported', async () => (await stateOf(sent(p.left, m.id))) === 'unsupported');
  assert.match((await sent(p.left, m.id)).transfer.problem, /cannot receive files/);
  const text = await sendFile(p.left, 'b.png', 'image/png', PNG);
  assert.match(text.text, /^\[file\] b\.png \(33 bytes\)\. Your Parley cannot receive files/);
  p.left.close();
  p.right.close();
});

test('a receiver that reloads mid-transfer resumes from its first missing chunk', async () => {
  let arrived = 0;
  const p = pair((x) => {
    if (x.t !== 'chunk') return x;
    arrived += 1;
    return arrived <= 3 ? x : null; // the network goes after three chunks
  });
  await bothOnline(p);
  const bytes = pattern(7 * CHUNK_BYTES + 5);
  const m = await sendFile(p.left, 'seven.bin', '', bytes);
  await until('three held', async () => (await received(p.right, m.id))?.transfer.held === 3);
  const service = p.right.service;
  p.right.close(); // the tab closes: only the store is left
  const [record] = await service.store.chats();
  p.state.tap = (x) => x;
  const asksBefore = p.seen.length;
  const reopened = new ChatSession(service, record);
  open_.push(reopened);
  reopened.resume();
  await until('complete', async () => (await stateOf(received(reopened, m.id))) === 'complete');
  const first = p.seen.slice(asksBefore).find((x) => x.t === 'fwant');
  assert.equal(first.have, 3);
  assert.deepEqual(first.want, [3, 4]);
  assert.deepEqual(await decryptFile(service.store, record.id, await received(reopened, m.id)), bytes);
  p.left.close();
  reopened.close();
});

test('a large file waits for the user; pausing keeps what it holds; a cancelled file is gone', async () => {
  let pass = true;
  const p = pair((x) => (x.t === 'chunk' && !pass ? null : x));
  await bothOnline(p);
  p.right.service.autoDownload = CHUNK_BYTES; // larger files wait
  const m = await sendFile(p.left, 'big.bin', '', pattern(4 * CHUNK_BYTES));
  await until('offered', async () => (await stateOf(received(p.right, m.id))) === 'offered');
  assert.equal(p.seen.filter((x) => x.t === 'fwant').length, 0, 'nothing asked for before the user does');
  await p.right.service.run(() => p.right.receiving.download(m.id));
  await until('complete', async () => (await stateOf(received(p.right, m.id))) === 'complete');

  pass = false;
  const second = await sendFile(p.left, 'second.bin', '', pattern(4 * CHUNK_BYTES, 3));
  await until('offered', async () => (await stateOf(received(p.right, second.id))) === 'offered');
  await p.right.service.run(() => p.right.receiving.download(second.id));
  await p.right.service.run(() => p.right.receiving.pause(second.id));
  assert.equal(await stateOf(received(p.right, second.id)), 'paused');
  await p.left.service.run(() => p.left.sending.cancel(second.id));
  assert.equal(await stateOf(sent(p.left, second.id)), 'cancelled');
  pass = true;
  await p.right.service.run(() => p.right.receiving.download(second.id)); // resumed: the sender says fgone
  await until('gone', async () => (await stateOf(received(p.right, second.id))) === 'gone');
  assert.match((await received(p.right, second.id)).transfer.problem, /no longer offers/);
  assert.deepEqual(await p.right.service.store.chunkIndices(p.right.record.id, second.id), []);
  p.left.close();
  p.right.close();
});

test('an unknown file asked for is answered by fgone; deleting a chat deletes its chunks', async () => {
  const p = pair();
  await bothOnline(p);
  const unknown = randomId();
  p.inject(p.left.record.ownInbox, { t: 'fwant', id: randomId(), to: p.left.record.ownInbox, ts: Date.now(),
    file: unknown, have: 0, want: [0] });
  await until('fgone', () => p.seen.some((x) => x.t === 'fgone' && x.file === unknown));
  const m = await sendFile(p.left, 'dot.png', 'image/png', PNG);
  await until('complete', async () => (await stateOf(received(p.right, m.id))) === 'complete');
  await p.right.service.run(() => p.right.delete('deleted'));
  assert.equal(p.right.service.store.chunks.size, 0);
  p.left.close();
});

test('a file whose chunks do not match the announced digest fails, counted once as bad-chunk, nothing kept', async () => {
  const p = pair((x) => (x.t === 'msg' && x.file ? { ...x, file: { ...x.file, sha256: random256() } } : x));
  await bothOnline(p);
  const m = await sendFile(p.left, 'liar.bin', '', pattern(2 * CHUNK_BYTES + 9));
  await until('failed', async () => (await stateOf(received(p.right, m.id))) === 'failed');
  const r = await received(p.right, m.id);
  assert.equal(r.transfer.problem, 'the file does not match what its sender announced');
  assert.equal(p.right.drops['bad-chunk'], 1);
  assert.deepEqual(await p.right.service.store.chunkIndices(p.right.record.id, m.id), []);
  assert.ok(!p.seen.some((x) => x.t === 'fwant' && x.file === m.id && x.have === 3), 'never said complete');
});

test('a file not fetched within the offer time (30 days) is withdrawn: the sender cancels, the receiver sees gone', async () => {
  const p = pair();
  await bothOnline(p);
  p.left.service.timings = { ...TIMINGS, fileOffer: 0 };
  const m = await sendFile(p.left, 'late.bin', '', pattern(10));
  await until('gone', async () => (await stateOf(received(p.right, m.id))) === 'gone');
  assert.equal(await stateOf(sent(p.left, m.id)), 'cancelled');
  assert.match((await sent(p.left, m.id)).transfer.problem, /within 30 days/);
});
