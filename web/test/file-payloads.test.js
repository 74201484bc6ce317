// The shapes of fwant, chunk and fgone and the ack's files field (docs/protocol.md sections 9.3 and 9.4) as the
// envelope reads them: each bad field drops the payload as malformed; none of them is a msg, so none is acked.
import './setup.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random256, randomId } from '../src/js/bytes.js';
import { Accepted, Rejected, mac, open, seal } from '../src/js/envelope.js';

const key = random256();
const to = random256();
const file = randomId();

function read(plaintext) {
  const ct = globalThis.CryptoJS.AES.encrypt(JSON.stringify(plaintext), key).toString();
  return open(new TextEncoder().encode(JSON.stringify({ v: 1, ct, mac: mac(ct, key) })), [key], to);
}

const fwant = (fields) => ({ t: 'fwant', id: randomId(), to, ts: 1, file, have: 2, want: [2, 3, 9], ...fields });

test('fwant: have, then 0 to 8 distinct ascending indices from have on', () => {
  assert.ok(read(fwant({})) instanceof Accepted);
  assert.deepEqual(read(fwant({ have: 5, want: [] })).plaintext.want, []);
  for (const bad of [{ want: [3, 2] }, { want: [2, 2] }, { want: [1, 2] }, { want: [2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { have: -1 }, { have: 1.5 }, { want: '2' }, { want: [2, '3'] }, { file: 'short' }, { have: undefined }]) {
    const r = read(fwant(bad));
    assert.ok(r instanceof Rejected && r.reason === 'malformed', JSON.stringify(bad));
    assert.equal(r.ackable, null, 'not a msg: never acked');
  }
});

test('chunk and fgone: a file id, an index and a data string; fgone just the file', () => {
  const chunk = { t: 'chunk', id: randomId(), to, ts: 1, file, i: 0, data: 'AAAA' };
  assert.ok(read(chunk) instanceof Accepted, 'its data is checked once the file is known');
  for (const bad of [{ i: -1 }, { i: '0' }, { data: 5 }, { data: undefined }, { file: undefined }]) {
    assert.equal(read({ ...chunk, ...bad }).reason, 'malformed', JSON.stringify(bad));
  }
  assert.ok(read({ t: 'fgone', id: randomId(), to, ts: 1, file }) instanceof Accepted);
  assert.equal(read({ t: 'fgone', id: randomId(), to, ts: 1 }).reason, 'malformed');
});

test('ack: files is 1 or absent; anything else is malformed', () => {
  const ack = { t: 'ack', id: randomId(), to, ts: 1, ids: [randomId()] };
  assert.equal(read({ ...ack, files: 1 }).plaintext.files, 1);
  assert.equal(read(ack).plaintext.files, undefined);
  for (const files of [2, '1', true, 0, null]) assert.equal(read({ ...ack, files }).reason, 'malformed', String(files));
  const sealed = seal({ ...ack, files: 1 }, key);
  assert.equal(open(new TextEncoder().encode(sealed), [key], to).plaintext.files, 1, 'what we write says files:1');
});
