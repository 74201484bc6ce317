import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random256 } from '../src/js/bytes.js';
import { formatLink, parseLink } from '../src/js/invite.js';

const NOW = 1_800_000_000_000;
const invite = {
  inbox: random256(), key: random256(), wss: 'wss://localhost:8443/mqtt', mqtts: 'mqtts://localhost:8883',
  name: 'Ada Lovelace 👩🏽‍💻', expires: NOW + 3600_000,
};
const link = formatLink(invite, 'https://localhost:8443/');

test('a formatted link parses back', () => {
  assert.deepEqual(parseLink(link, NOW), invite);
  assert.ok(link.startsWith('https://localhost:8443/#parley=1&i='));
});

const problems = {
  NOT_AN_INVITE: 'https://example.org/',
  TRUNCATED: link.slice(0, link.indexOf('&k=') + 10),
  EXPIRED: formatLink({ ...invite, expires: NOW - 1000 }, 'https://localhost:8443/'),
  MALFORMED: `${link}&i=${invite.inbox}`,
  UNSUPPORTED_VERSION: link.replace('parley=1', 'parley=2'),
  BAD_FIELD: link.replace('m=mqtts://', 'm=ssl://'),
};

for (const [problem, text] of Object.entries(problems)) {
  test(`refuses: ${problem}`, () => {
    assert.throws(() => parseLink(text, NOW), (e) => e.problem === problem);
  });
}

test('Object.prototype names are unknown fields, ignored as the desktop ignores them', () => {
  for (const extra of ['&constructor=a&constructor=b', '&__proto__=x&__proto__=y', '&toString', '&hasOwnProperty=',
    '&__proto__=']) {
    assert.deepEqual(parseLink(link + extra, NOW), invite, extra);
  }
});

test('a link under the web client\'s origin leaves out the wss it implies and the default mqtts port', () => {
  const own = { ...invite, wss: 'wss://localhost:8443/mqtt', mqtts: 'mqtts://localhost:8883' };
  const short = formatLink(own, 'https://localhost:8443/');
  assert.ok(!short.includes('&b='), short);
  assert.ok(short.includes('&m=mqtts://localhost&'), short);
  assert.deepEqual(parseLink(short, NOW), own);
});

test('old long links still parse to the same invite', () => {
  const old = link.replace('&m=mqtts://localhost&', '&b=wss://localhost:8443/mqtt&m=mqtts://localhost:8883&');
  assert.ok(old.includes('&b=wss://') && old.includes(':8883'), old);
  assert.deepEqual(parseLink(old, NOW), invite);
});

test('a wss elsewhere is written out; a parley: link without b has none', () => {
  const elsewhere = { ...invite, wss: 'wss://other.example.org/mqtt' };
  const written = formatLink(elsewhere, 'https://localhost:8443/');
  assert.ok(written.includes('&b=wss://other.example.org/mqtt'), written);
  assert.deepEqual(parseLink(written, NOW), elsewhere);
  const app = parseLink(formatLink({ ...invite, wss: null }, null), NOW);
  assert.equal(app.wss, null);
  assert.equal(app.mqtts, 'mqtts://localhost:8883');
  const implied = parseLink(`https://Chat.Example.org:443/#parley=1&i=${invite.inbox}&k=${invite.key}&x=${NOW / 1000 + 60}`, NOW);
  assert.equal(implied.wss, 'wss://chat.example.org/mqtt');
});
