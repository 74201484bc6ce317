// The safety code's arithmetic against an independent implementation (node's own HMAC), and the parsing of what a
// user types or scans, rule for rule as the desktop's SafetyCode.
import './setup.js';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { random256 } from '../src/js/bytes.js';
import { digitsFrom, grouped, safetyDigits, safetyMatches, safetyQrText } from '../src/js/safety.js';

function reference(key, a, b) {
  const [lo, hi] = Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0 ? [a, b] : [b, a];
  const s = createHmac('sha256', Buffer.from(key, 'utf8')).update(`parley-safety-v1|${lo}|${hi}`).digest();
  return (BigInt(`0x${s.subarray(0, 9).toString('hex')}`) % 10n ** 20n).toString().padStart(20, '0');
}

test('20 digits, as an independent HMAC computes them, whichever inbox comes first', () => {
  for (let i = 0; i < 200; i++) {
    const [k, a, b] = [random256(), random256(), random256()];
    const d = safetyDigits(k, a, b);
    assert.match(d, /^[0-9]{20}$/);
    assert.equal(d, reference(k, a, b));
    assert.equal(safetyDigits(k, b, a), d);
  }
});

test('the two inboxes must differ', () => {
  const a = random256();
  assert.throws(() => safetyDigits(random256(), a, a), /must differ/);
});

test('shown in five groups of four; the QR text has no spaces', () => {
  assert.equal(grouped('01234567890123456789'), '0123 4567 8901 2345 6789');
  assert.equal(safetyQrText('01234567890123456789'), 'parley-safety:1:01234567890123456789');
});

test('typed with or without spaces, or scanned, it reads as the digits', () => {
  const d = '00000000001234567890';
  assert.equal(digitsFrom('0000 0000 0012 3456 7890'), d);
  assert.equal(digitsFrom(`  ${d}\n`), d);
  assert.equal(digitsFrom(`parley-safety:1:${d}`), d);
  assert.ok(safetyMatches(d, '0000 0000 0012 3456 7890'));
});

const notCodes = {
  'too short': '0000 0000 0012 3456 789',
  'too long': '000000000012345678901',
  'a letter': '0000 0000 0012 3456 789O',
  'a dash': '0000-0000-0012-3456-7890',
  'another QR version': 'parley-safety:2:00000000001234567890',
  'spaces in a scanned code': 'parley-safety:1:0000 0000 0012 3456 7890',
  'empty': '',
};
for (const [name, text] of Object.entries(notCodes)) {
  test(`not a safety code: ${name}`, () => {
    assert.equal(digitsFrom(text), null);
    assert.equal(safetyMatches('00000000001234567890', text), false);
  });
}

test('another code does not match', () => {
  assert.equal(safetyMatches('00000000001234567890', '00000000001234567891'), false);
});
