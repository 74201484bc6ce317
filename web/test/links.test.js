import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkRuns } from '../src/js/links.js';

const links = (text) => linkRuns(text).filter((r) => r.href).map((r) => r.href);

test('http and https links become links, the rest stays text', () => {
  assert.deepEqual(linkRuns('see https://example.org/a?b=1 now'), [
    { text: 'see ' }, { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' }, { text: ' now' }]);
  assert.deepEqual(links('HTTP://Example.ORG and http://x.test/'), ['http://example.org/', 'http://x.test/']);
});

test('no other scheme is ever a link', () => {
  for (const text of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'data:text/html,<b>x</b>',
    'file:///etc/passwd', 'vbscript:msgbox', 'ftp://example.org/', 'mailto:a@example.org',
    'about:blank', 'chrome://settings']) {
    assert.deepEqual(links(text), [], text);
  }
});

test('an https URL inside another scheme is cut at its own scheme, which is what opens', () => {
  assert.deepEqual(linkRuns('javascript:https://evil.test'),
    [{ text: 'javascript:' }, { text: 'https://evil.test', href: 'https://evil.test/' }]);
  assert.deepEqual(links('blob:https://example.org/1 xhttps://example.org'),
    ['https://example.org/1', 'https://example.org/']);
});

test('trailing punctuation belongs to the sentence', () => {
  assert.deepEqual(links('(see https://example.org/x).'), ['https://example.org/x']);
  assert.deepEqual(links('https://example.org/a, https://example.org/b!'), ['https://example.org/a', 'https://example.org/b']);
  assert.deepEqual(linkRuns('go to https://example.org.').at(-1), { text: '.' });
});

test('a link without a host, or one the URL parser refuses, stays text', () => {
  assert.deepEqual(links('http://'), []);
  assert.deepEqual(links('https://:80/x'), []);
  assert.deepEqual(links('https://exa mple.org'), ['https://exa/']);
  assert.deepEqual(linkRuns('http://'), [{ text: 'http://' }]);
});

test('the runs always spell the text', () => {
  for (const text of ['', 'plain', 'a https://x.test/ b http://y.test/.', '\u{1F44B} https://x.test/\u{1F600}',
    'https://[::1]:8443/p', 'http://a<b>c']) {
    assert.equal(linkRuns(text).map((r) => r.text).join(''), text, text);
  }
});
