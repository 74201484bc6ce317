// Whether a file may be shown inline (docs/protocol.md section 9.3): its announced type is PNG, JPEG or GIF *and*
// its first bytes are that format's signature; and its pixel size, read from the header before the browser
// decodes anything, so that a small file announcing a huge picture (a decompression bomb) is never decoded.

/** At most this many pixels are decoded for an inline picture; a larger one is offered as a file to save. */
export const MAX_INLINE_PIXELS = 40_000_000;

const SIGNATURES = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [0x47, 0x49, 0x46, 0x38], // "GIF8", then 7a or 9a
};

/** True when `type` is one of the inline image types and `bytes` start with its signature. */
export function isInlineImage(type, bytes) {
  const sig = SIGNATURES[type];
  if (!sig || bytes.length < sig.length + 2) return false;
  if (!sig.every((b, k) => bytes[k] === b)) return false;
  return type !== 'image/gif' || ((bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61);
}

/** {width, height} from a PNG, JPEG or GIF header, or null when the header does not say. */
export function imageSize(type, bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'image/png') {
    // the first chunk is IHDR: width and height as 4-byte big-endian integers at 16 and 20
    if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (type === 'image/gif') {
    return bytes.length < 10 ? null : { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (type === 'image/jpeg') return jpegSize(bytes, view);
  return null;
}

/** The frame size from the first SOFn marker; markers before it are skipped by their lengths. */
function jpegSize(bytes, view) {
  let k = 2;
  while (k + 4 <= bytes.length) {
    if (bytes[k] !== 0xff) return null;
    const marker = bytes[k + 1];
    if (marker === 0xff) {
      k += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      k += 2; // no length
      continue;
    }
    const length = view.getUint16(k + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (sof) return k + 9 <= bytes.length ? { width: view.getUint16(k + 7), height: view.getUint16(k + 5) } : null;
    if (length < 2) return null;
    k += 2 + length;
  }
  return null;
}

/** Why a picture is not shown inline, or null when it may be: not an image, no readable size, or too large. */
export function inlineProblem(type, bytes) {
  if (!isInlineImage(type, bytes)) return 'not a picture';
  const size = imageSize(type, bytes);
  if (!size || size.width === 0 || size.height === 0) return 'the picture has no readable size';
  if (size.width * size.height > MAX_INLINE_PIXELS) {
    return `the picture is ${size.width} × ${size.height} pixels, too large to show here; save it to open it`;
  }
  return null;
}
