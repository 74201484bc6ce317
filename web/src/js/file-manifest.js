// The file manifest of a `msg` (docs/protocol.md section 9.3): its sizes and limits, and the receiver's check of
// every field. The sender writes only what this check accepts (envelope.js runs it on both sides).
import { fromBase64url, isWellFormed, utf8 } from './bytes.js';

export const CHUNK_BYTES = 65536;
/** A chunk on the wire: the padded chunk's ciphertext and its 16-byte GCM tag (docs/protocol.md section 9.2). */
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + 16;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The receiver fetches a file by itself up to this size (a setting); larger ones wait for the user. */
export const DEFAULT_AUTO_DOWNLOAD = 16 * 1024 * 1024;
export const WINDOW = 8;
/** docs/protocol.md section 9.4's times, in ms: asking again (10 s doubling to 60 s), a chunk's re-send gap, the offer. */
export const FILE_TIMINGS = {
  fileAskFirst: 10000, fileAskMax: 60000, chunkGap: 5000, fileOffer: 30 * 24 * 3600 * 1000,
};
const MAX_NAME_BYTES = 255;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;
const FIELDS = ['name', 'size', 'type', 'chunk', 'count', 'sha256', 'key'];
// Java's Character.isWhitespace, which the desktop's strip() uses: the two sides agree on what "leading" means
const WHITE = /^[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]|[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]$/;

export function chunkCount(size) {
  return Math.ceil(size / CHUNK_BYTES);
}

/** Why `name` cannot name a file on the wire, or null (docs/protocol.md section 9.3; never repaired). */
export function fileNameProblem(name) {
  if (typeof name !== 'string' || name.length === 0) return 'the file has no name';
  if (!isWellFormed(name) || name.includes('\ufffd')) return 'the file name is not valid text';
  const bytes = utf8(name).length;
  if (bytes > MAX_NAME_BYTES) return `the file name is ${bytes} bytes long; at most ${MAX_NAME_BYTES} fit`;
  for (const ch of name) {
    const cp = ch.codePointAt(0);
    const control = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    const bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x061c;
    if (control || bidi) return 'the file name contains control characters';
  }
  if (/[/\\\0]/.test(name)) return 'the file name contains a slash or backslash';
  if (name === '.' || name === '..') return 'the file name is . or ..';
  if (WHITE.test(name)) return 'the file name starts or ends with white space';
  return null;
}

/** The media type to announce: the browser's, lower-cased, when it has the wire's form; else octet-stream. */
export function mediaTypeOf(type) {
  const lower = (type ?? '').toLowerCase();
  return MEDIA_TYPE.test(lower) ? lower : 'application/octet-stream';
}

/** "2.4 MB": a size as people read it, in decimal units, exactly as the desktop's FileSizes writes it. */
export function formatSize(bytes) {
  if (bytes < 1000) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The `text` an older Parley shows in place of the file (docs/protocol.md section 9.3). */
export function fallbackText(name, size) {
  return `[file] ${name} (${formatSize(size)}). Your Parley cannot receive files; update it to get this one.`;
}

/** Why the sender may not send `size` bytes, or null: the message names both sizes. */
export function sizeProblem(size) {
  if (size === 0) return 'the file is empty: there is nothing to send';
  if (size > MAX_FILE_BYTES) {
    return `the file is ${formatSize(size)} (${size.toLocaleString('en')} bytes); at most 100 MiB `
      + `(${MAX_FILE_BYTES.toLocaleString('en')} bytes) can be sent`;
  }
  return null;
}

/**
 * Why a received `file` object is not a manifest this version takes, or null. `integer(field)` reads an integer
 * field of it the way envelope.js reads every number (lexical form, safe range) and throws on anything else.
 */
export function manifestProblem(file, integer) {
  if (file === null || typeof file !== 'object' || Array.isArray(file)) return 'file must be an object';
  for (const f of FIELDS) if (!(f in file)) return `file.${f} is missing`;
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) return `file.name: ${nameProblem}`;
  const size = integer('size');
  if (size < 1 || size > MAX_FILE_BYTES) return `file.size must be 1 to ${MAX_FILE_BYTES}`;
  if (typeof file.type !== 'string' || !MEDIA_TYPE.test(file.type)) return 'file.type is not a media type';
  if (integer('chunk') !== CHUNK_BYTES) return `file.chunk must be ${CHUNK_BYTES}`;
  if (integer('count') !== chunkCount(size)) return 'file.count does not match file.size';
  for (const f of ['sha256', 'key']) {
    try {
      fromBase64url(`file.${f}`, file[f], 32);
    } catch (e) {
      return e.message;
    }
  }
  return null;
}
