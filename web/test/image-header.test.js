// Which received files are shown inline (docs/protocol.md section 9.3): the announced type and the signature must
// agree, and the pixel size is read from the header so that an oversized picture is never decoded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_INLINE_PIXELS, imageSize, inlineProblem, isInlineImage } from '../src/js/image-header.js';

const png = (w, h) => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
};
const gif = (w, h) => Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, w & 0xff, w >> 8, h & 0xff, h >> 8, 0, 0]);
// SOI, an APP0 segment of 16 bytes, then SOF0 with height 600 and width 800
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0x02, 0x58,
  0x03, 0x20, 3]);

test('a picture is inline only when its type and its signature agree', () => {
  assert.ok(isInlineImage('image/png', png(1, 1)));
  assert.ok(isInlineImage('image/gif', gif(1, 1)));
  assert.ok(isInlineImage('image/jpeg', JPEG));
  assert.ok(!isInlineImage('image/jpeg', png(1, 1)), 'a PNG announced as JPEG');
  assert.ok(!isInlineImage('image/svg+xml', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')));
  assert.ok(!isInlineImage('application/octet-stream', png(1, 1)));
  assert.ok(!isInlineImage('image/png', new Uint8Array([0x89, 0x50])));
});

test('the pixel size comes from the header of PNG, GIF and JPEG', () => {
  assert.deepEqual(imageSize('image/png', png(640, 480)), { width: 640, height: 480 });
  assert.deepEqual(imageSize('image/gif', gif(300, 2)), { width: 300, height: 2 });
  assert.deepEqual(imageSize('image/jpeg', JPEG), { width: 800, height: 600 });
  assert.equal(imageSize('image/jpeg', JPEG.subarray(0, 24)), null, 'cut before the frame header');
});

test('a picture over 40 megapixels is not decoded, with a reason', () => {
  assert.equal(inlineProblem('image/png', png(8000, 5000)), null);
  assert.equal(8000 * 5000, MAX_INLINE_PIXELS);
  assert.match(inlineProblem('image/png', png(8001, 5000)), /8001 × 5000 pixels, too large/);
  assert.match(inlineProblem('image/png', png(65535, 65535)), /too large/);
  assert.match(inlineProblem('image/gif', gif(0, 10)), /no readable size/);
});
