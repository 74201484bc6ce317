// The envelope, key derivation and invite links against vectors the desktop's Java code wrote in the same test
// run (parley.web.WebVectorsIT), both directions: what Java sealed opens here; what this writes, Java opens.
import '../setup.js';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { Accepted, open, seal } from '../../src/js/envelope.js';
import { formatLink, parseLink } from '../../src/js/invite.js';
import { deriveChatKey, generateEphemeral } from '../../src/js/keys.js';
import { safetyDigits } from '../../src/js/safety.js';

const vectorsFile = process.env.PARLEY_VECTORS;
const outFile = process.env.PARLEY_VECTORS_OUT;
if (!vectorsFile || !outFile) {
  throw new Error('PARLEY_VECTORS and PARLEY_VECTORS_OUT must name the files parley.web.WebVectorsIT writes and reads');
}
const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8'));
const out = { sealed: [], links: [], derived: null, rekeyAnswer: null };

for (const c of vectors.payloads) {
  test(`opens Java's payload: ${c.name}`, () => {
    const opened = open(new TextEncoder().encode(c.payload), c.keys, c.arrivedOn);
    if (c.accepted) {
      assert.ok(opened instanceof Accepted, `dropped as ${opened.reason}: ${opened.detail}`);
      assert.deepEqual(opened.plaintext, c.accepted);
      assert.equal(opened.key, c.keys[c.keyIndex]);
    } else {
      assert.equal(opened.reason, c.rejected);
      assert.equal(opened.ackable, c.ackable ?? null);
    }
  });
}

test('seals every plaintext type for Java to open', () => {
  for (const p of vectors.toSeal.plaintexts) out.sealed.push(seal(p, vectors.toSeal.key));
});

for (const c of vectors.links) {
  test(`parses Java's link: ${c.name}`, () => {
    if (c.invite) {
      assert.deepEqual(parseLink(c.link, vectors.now), c.invite);
    } else {
      assert.throws(() => parseLink(c.link, vectors.now), (e) => e.problem === c.problem);
    }
  });
}

test('formats links for Java to parse', () => {
  for (const invite of vectors.linksToFormat) out.links.push(formatLink(invite, vectors.webBase));
});

test('derives the chat key Java derives, both ways', async () => {
  const d = vectors.derivation;
  const pkcs8 = Buffer.from(d.privatePkcs8, 'base64');
  const own = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDH', namedCurve: 'P-256' }, false,
    ['deriveBits']);
  assert.equal(await deriveChatKey(own, d.peerEpk, d.previousKey), d.derivedKey);
  const mine = await generateEphemeral();
  out.derived = { epk: mine.epk, key: await deriveChatKey(mine.privateKey, d.peerEpk, d.previousKey) };
  await assert.rejects(deriveChatKey(own, d.offCurveEpk, d.previousKey), /not a point on P-256/);
});

test("computes the safety codes Java's SafetyCode computes", () => {
  assert.ok(vectors.safety.length > 20);
  for (const c of vectors.safety) {
    assert.equal(safetyDigits(c.key, c.a, c.b), c.digits, `inboxes ${c.a.slice(-3)} / ${c.b.slice(-3)}`);
    assert.equal(safetyDigits(c.key, c.b, c.a), c.digits);
  }
});

test("derives the next epoch key from Java's rekey, and answers one Java can derive", async () => {
  const r = vectors.rekey;
  const responder = await crypto.subtle.importKey('pkcs8', Buffer.from(r.responderPkcs8, 'base64'),
    { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  assert.equal(await deriveChatKey(responder, r.initiatorEpk, r.epochKey), r.nextKey);
  const mine = await generateEphemeral();
  out.rekeyAnswer = { epk: mine.epk, key: await deriveChatKey(mine.privateKey, r.initiatorEpk, r.epochKey) };
});

after(() => writeFileSync(outFile, JSON.stringify(out)));
