import './setup.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random256, randomId } from '../src/js/bytes.js';
import { Accepted, open, seal } from '../src/js/envelope.js';
import { parseStrict } from '../src/js/strict-json.js';

const KEY = random256();
const ME = random256();
const enc = (s) => new TextEncoder().encode(s);
const msg = (text) => ({ t: 'msg', id: randomId(), to: ME, seq: 2, ts: 1700000000000, text });

/** Seals raw plaintext JSON the way a sender holding the key could, bypassing the writer's checks. */
function sealRaw(json, key = KEY) {
  const ct = CryptoJS.AES.encrypt(json, key).toString();
  const mk = CryptoJS.HmacSHA256('parley-mac-v1', key);
  return enc(`{"v":1,"ct":"${ct}","mac":"${CryptoJS.HmacSHA256(ct, mk).toString()}"}`);
}

test('a sealed msg opens to the same plaintext', () => {
  const p = msg('Grüße 👋🏽 "hi"\n');
  const opened = open(enc(seal(p, KEY)), [KEY], ME);
  assert.ok(opened instanceof Accepted);
  assert.deepEqual(opened.plaintext, p);
});

test('ciphertext has the CryptoJS Salted__ format and a fresh salt each time', () => {
  const a = JSON.parse(seal(msg('x'), KEY)).ct;
  const b = JSON.parse(seal(msg('x'), KEY)).ct;
  assert.ok(atob(a).startsWith('Salted__'));
  assert.notEqual(a.slice(0, 22), b.slice(0, 22));
});

const rejections = {
  'oversized': () => enc(' '.repeat(160 * 1024 + 1)),
  'not-json': () => enc('{"v":1,"v":1}'),
  'not-json (trailing data)': () => enc('{"v":1} x'),
  'bad-envelope': () => enc('[1]'),
  'bad-version': () => enc('{"v":1.0,"ct":"","mac":""}'),
  'bad-mac': () => {
    const p = JSON.parse(seal(msg('x'), KEY));
    return enc(JSON.stringify({ v: 1, ct: p.ct, mac: p.mac.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }));
  },
  'bad-mac (upper-case hex)': () => {
    const p = JSON.parse(seal(msg('x'), KEY));
    return enc(JSON.stringify({ v: 1, ct: p.ct, mac: p.mac.toUpperCase() }));
  },
  'wrong-recipient': () => sealRaw(JSON.stringify({ ...msg('x'), to: random256() })),
  'malformed (seq 1.0)': () => sealRaw(`{"t":"msg","id":"${randomId()}","to":"${ME}","seq":1.0,"ts":1,"text":"x"}`),
  'malformed (lone surrogate)': () => sealRaw(`{"t":"msg","id":"${randomId()}","to":"${ME}","seq":1,"ts":1,"text":"\\ud800"}`),
  'malformed (seq beyond 2^53-1)': () => sealRaw(`{"t":"msg","id":"${randomId()}","to":"${ME}","seq":9007199254740992,"ts":1,"text":"x"}`),
  'not-object': () => sealRaw('[1,2]'),
};

for (const [name, payload] of Object.entries(rejections)) {
  test(`drops: ${name}`, () => {
    const opened = open(payload(), [KEY], ME);
    assert.equal(opened.reason, name.split(' ')[0]);
  });
}

test('a malformed msg under a valid MAC is still ackable', () => {
  const id = randomId();
  const opened = open(sealRaw(`{"t":"msg","id":"${id}","to":"${ME}","seq":1,"ts":1,"text":""}`), [KEY], ME);
  assert.equal(opened.reason, 'malformed');
  assert.equal(opened.ackable, id);
});

test('the writer refuses text with a lone surrogate', () => {
  assert.throws(() => seal(msg('a\ud800b'), KEY));
});

test('strict JSON refuses duplicate keys and keeps number lexemes', () => {
  assert.equal(parseStrict('{"a":1,"a":2}'), undefined);
  assert.equal(parseStrict('{"a":3e0}').a.lexical, '3e0');
  assert.equal(parseStrict('{"a":01}'), undefined);
});

// docs/protocol.md section 3: a join's or welcome's name has the invite link's rule, so a hostile name is dropped
// before it reaches the page, as the desktop does.
const joinWithName = (type, name) => sealRaw(JSON.stringify({ t: type, id: randomId(), to: ME, seq: 1,
  ts: 1700000000000, inbox: random256(), epk: JOIN_EPK, name }));
// the P-256 generator, uncompressed: a point on the curve
const JOIN_EPK = Buffer.from('046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'
  + '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5', 'hex').toString('base64url');

for (const name of ['Bob\u001b[2J', '\u001b]0;owned\u0007', 'Bob\r\nAlice: hi', '\u202eecilA', 'A\u2066B', 'x\u0085y',
  'nul\u0000', '\ufffd']) {
  for (const type of ['join', 'welcome']) {
    test(`drops a ${type} whose name is ${JSON.stringify(name)}`, () => {
      assert.equal(open(joinWithName(type, name), [KEY], ME).reason, 'malformed');
    });
  }
}

test('takes a join or welcome whose name is markup, as text', () => {
  const name = '<html><img src=http://127.0.0.1:9/p>';
  for (const type of ['join', 'welcome']) {
    const opened = open(joinWithName(type, name), [KEY], ME);
    assert.ok(opened instanceof Accepted, opened.detail);
    assert.equal(opened.plaintext.name, name);
  }
});
