// protocol-scenarios/files.json, the desktop's known answers, against the browser's code: the chunk encryption
// and digest of a fixed file (docs/protocol.md section 9.2) byte for byte, and every manifest case (9.3) through
// the envelope's reader.
import './setup.js';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { base64url, fromBase64url, random256, randomId } from '../src/js/bytes.js';
import { Accepted, Rejected, mac, open } from '../src/js/envelope.js';
import { importFileKey, openChunk, sealChunk, sha256 } from '../src/js/file-crypto.js';
import { chunkCount } from '../src/js/file-manifest.js';

const FILES = JSON.parse(readFileSync(new URL('../../protocol-scenarios/files.json', import.meta.url), 'utf8'));
const V = FILES.vector;
const bytes = Uint8Array.from({ length: V.size }, (_, k) => k % 251);

test('files.json vector: the chunks and the digest are the desktop\'s, byte for byte', async () => {
  const key = await importFileKey(fromBase64url('key', V.key, 32));
  assert.equal(chunkCount(V.size), V.count);
  assert.equal(base64url(await sha256(bytes)), V.sha256);
  for (let i = 0; i < V.count; i++) {
    const sealed = await sealChunk(key, V.fileId, i, V.count, bytes);
    assert.equal(base64url(sealed), V.chunks[i], `chunk ${i}`);
    assert.equal(V.aad[i], `parley-chunk-v1|${V.fileId}|${i}|${V.count}`);
  }
});

test('files.json vector: its chunks open only in their own place', async () => {
  const key = await importFileKey(fromBase64url('key', V.key, 32));
  const first = fromBase64url('data', V.chunks[0], 65552);
  const plain = await openChunk(key, V.fileId, 0, V.count, first);
  assert.deepEqual(plain, bytes.subarray(0, 65536));
  const last = await openChunk(key, V.fileId, 1, V.count, fromBase64url('data', V.chunks[1], 65552));
  assert.deepEqual(last.subarray(0, V.size - 65536), bytes.subarray(65536));
  assert.ok(last.subarray(V.size - 65536).every((b) => b === 0), 'the last chunk is padded with zeros');
  assert.equal(await openChunk(key, V.fileId, 1, V.count, first), null, 'moved to another index');
  assert.equal(await openChunk(key, randomId(), 0, V.count, first), null, 'from another file');
  assert.equal(await openChunk(key, V.fileId, 0, 3, first), null, 'another count');
  const flipped = first.slice();
  flipped[7] ^= 1;
  assert.equal(await openChunk(key, V.fileId, 0, V.count, flipped), null, 'tampered with');
});

for (const c of FILES.manifests) {
  test(`files.json manifest: ${c.name}`, () => {
    const key = random256();
    const to = random256();
    const id = randomId();
    const plaintext = { t: 'msg', id, to, seq: 3, ts: 1764700000000, text: '[file] fallback', file: c.file };
    const ct = globalThis.CryptoJS.AES.encrypt(JSON.stringify(plaintext), key).toString();
    const result = open(new TextEncoder().encode(JSON.stringify({ v: 1, ct, mac: mac(ct, key) })), [key], to);
    if (c.verdict === 'ok') {
      assert.ok(result instanceof Accepted, `accepted (${result.detail})`);
      assert.deepEqual(result.plaintext.file, c.file);
    } else {
      assert.ok(result instanceof Rejected);
      assert.equal(result.reason, c.verdict);
      assert.equal(result.ackable, id, 'a malformed msg is still acked');
    }
  });
}
