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
