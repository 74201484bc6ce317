// The MQTT payload {"v":1,"ct":"<CryptoJS AES>","mac":"<hex HMAC>"} (docs/protocol.md sections 2 and 3; the desktop's
// decisions in docs/protocol.md): seal() encrypts then MACs a plaintext; open() checks size, JSON, version, the MAC
// (before decrypting), ciphertext, UTF-8, every field and the recipient, and names why it dropped anything.
// crypto-js 4.2.0 is the global CryptoJS (a classic script in the page, required in node tests).
import { fromBase64url, fromUtf8, isWellFormed, utf8, wordsToBytes } from './bytes.js';
import { WINDOW, manifestProblem } from './file-manifest.js';
import { nameProblem } from './invite.js';
import { checkedPoint } from './p256.js';
import { JsonNumber, isObject, parseStrict } from './strict-json.js';

export const MAX_PAYLOAD_BYTES = 160 * 1024;
export const MAX_TEXT_BYTES = 16384;
export const MAX_NAME_UNITS = 64;
export const MAX_ACK_IDS = 100;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TYPES = ['join', 'welcome', 'msg', 'ack', 'rekey', 'rekey-ok', 'fwant', 'chunk', 'fgone'];
/** The types that move a file (docs/protocol.md section 9.4): a ts and no seq, like an ack. */
export const FILE_TYPES = ['fwant', 'chunk', 'fgone'];
const C = () => globalThis.CryptoJS;

/** A payload dropped for `reason` (the desktop's DropReason labels); `ackable` is a msg id to ack anyway. */
export class Rejected {
  constructor(reason, ackable = null, key = null, detail = reason) {
    this.reason = reason;
    this.ackable = ackable;
    this.key = key;
    this.detail = detail;
  }
}

export class Accepted {
  constructor(plaintext, key) {
    this.plaintext = plaintext;
    this.key = key;
  }
}

/** mk = HMAC-SHA256(key = UTF-8(K), "parley-mac-v1"); MAC = hex HMAC-SHA256(key = mk, UTF-8(ct)). */
export function mac(ct, key) {
  const mk = C().HmacSHA256('parley-mac-v1', key);
  return C().HmacSHA256(ct, mk).toString();
}

function constantTimeEquals(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The payload text for `plaintext` (an object as the reader returns it) under `key`, with a fresh salt. */
export function seal(plaintext, key) {
  const json = writePlaintext(plaintext);
  utf8(json); // refuses a lone surrogate before CryptoJS sees it
  const ct = C().AES.encrypt(json, key).toString();
  return `{"v":1,"ct":"${ct}","mac":"${mac(ct, key)}"}`;
}

/** The plaintext JSON with exactly the protocol's field names, in the desktop's order. */
export function writePlaintext(p) {
  const o = { t: p.t, id: p.id, to: p.to };
  if (p.t === 'ack') {
    o.ts = p.ts;
    o.ids = p.ids;
    if (p.files) o.files = 1;
  } else if (FILE_TYPES.includes(p.t)) {
    o.ts = p.ts;
    o.file = p.file;
    if (p.t === 'fwant') {
      o.have = p.have;
      o.want = p.want;
    } else if (p.t === 'chunk') {
      o.i = p.i;
      o.data = p.data;
    }
  } else {
    o.seq = p.seq;
    o.ts = p.ts;
  }
  if (p.t === 'join' || p.t === 'welcome') {
    o.inbox = p.inbox;
    o.epk = p.epk;
    if (p.name) o.name = p.name;
  } else if (p.t === 'msg') {
    o.text = p.text;
    if (p.file) {
      const f = p.file;
      o.file = { name: f.name, size: f.size, type: f.type, chunk: f.chunk, count: f.count, sha256: f.sha256, key: f.key };
    }
  } else if (p.t === 'rekey' || p.t === 'rekey-ok') {
    o.epoch = p.epoch;
    o.epk = p.epk;
  }
  checkFields(o);
  return JSON.stringify(o);
}

/** Opens `payload` (a Uint8Array) that arrived on inbox `arrivedOn`, trying every key in `keys`. Never throws. */
export function open(payload, keys, arrivedOn) {
  if (!(payload instanceof Uint8Array)) return new Rejected('not-json');
  if (payload.length > MAX_PAYLOAD_BYTES) return new Rejected('oversized');
  const text = fromUtf8(payload);
  const envelope = text === null ? undefined : parseStrict(text);
  if (envelope === undefined) return new Rejected('not-json');
  if (!isObject(envelope)) return new Rejected('bad-envelope');
  if (!(envelope.v instanceof JsonNumber) || envelope.v.lexical !== '1') return new Rejected('bad-version');
  const { ct, mac: tag } = envelope;
  if (typeof ct !== 'string' || typeof tag !== 'string') return new Rejected('bad-envelope');
  let found = null;
  for (const key of keys) {
    // every candidate is tried, so the time taken does not tell which key matched
    const ok = /^[0-9a-f]{64}$/.test(tag) && constantTimeEquals(mac(ct, key), tag);
    if (ok && found === null) found = key;
  }
  if (found === null) return new Rejected('bad-mac');
  const plainBytes = decrypt(ct, found);
  if (plainBytes === null) return new Rejected('bad-ciphertext');
  const json = fromUtf8(plainBytes);
  if (json === null) return new Rejected('bad-utf8');
  const object = parseStrict(json);
  if (!isObject(object)) return new Rejected('not-object');
  return read(object, found, arrivedOn);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The plaintext bytes, or null for anything but canonical base64 of Salted__ || salt || n*16 bytes, PKCS#7. */
function decrypt(ct, key) {
  if (!BASE64.test(ct)) return null;
  let raw;
  try {
    raw = Uint8Array.from(atob(ct), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  const header = 'Salted__';
  if (raw.length < 16 || String.fromCharCode(...raw.subarray(0, 8)) !== header) return null;
  const body = raw.length - 16;
  if (body === 0 || body % 16 !== 0) return null;
  // canonical: the last base64 character carries no stray bits
  if (reencode(raw) !== ct) return null;
  const words = C().AES.decrypt(ct, key, { padding: C().pad.NoPadding });
  const padded = wordsToBytes(words);
  const n = padded[padded.length - 1];
  if (n < 1 || n > 16 || n > padded.length) return null;
  for (let i = padded.length - n; i < padded.length; i++) if (padded[i] !== n) return null;
  return padded.subarray(0, padded.length - n);
}

function reencode(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

class Malformed extends Error {}

function read(o, key, arrivedOn) {
  let ackable = null;
  try {
    const t = str(o, 't');
    const id = messageId(req(o, 'id'), 'id');
    if (t === 'msg') ackable = id; // the sender holds the key and re-sends this msg until it is acked
    const to = inbox(o, 'to');
    if (to !== arrivedOn) return new Rejected('wrong-recipient'); // reflected or replayed: not ours to ack
    if (!TYPES.includes(t)) throw new Malformed('t is not a known type');
    const p = { t, id, to };
    if (t === 'ack') {
      p.ts = timestamp(o);
      p.ids = ids(o);
      if ('files' in o) {
        if (!(o.files instanceof JsonNumber) || o.files.lexical !== '1') throw new Malformed('files must be 1');
        p.files = 1;
      }
    } else if (FILE_TYPES.includes(t)) {
      p.ts = timestamp(o);
      p.file = messageId(req(o, 'file'), 'file');
      if (t === 'fwant') {
        p.have = nonNegative(req(o, 'have'), 'have');
        p.want = wanted(o, p.have);
      } else if (t === 'chunk') {
        p.i = nonNegative(req(o, 'i'), 'i');
        p.data = str(o, 'data'); // its length and form are checked after the file is known (section 9.4's order)
      }
    } else {
      p.seq = positive(o, 'seq');
      p.ts = timestamp(o);
    }
    if (t === 'join' || t === 'welcome') {
      p.inbox = inbox(o, 'inbox');
      p.epk = epk(o);
      const name = o.name;
      if (name !== undefined) {
        if (typeof name !== 'string') throw new Malformed('name must be a string');
        if (name !== '') p.name = checkedName(name);
      }
    } else if (t === 'msg') {
      p.text = checkedText(str(o, 'text'));
      if ('file' in o) p.file = manifest(o.file);
    } else if (t === 'rekey' || t === 'rekey-ok') {
      p.epoch = positive(o, 'epoch');
      p.epk = epk(o);
    }
    return new Accepted(p, key);
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return new Rejected('malformed', ackable, ackable === null ? null : key, e.message);
  }
}

function req(o, field) {
  if (!(field in o)) throw new Malformed(`${field} is missing`);
  return o[field];
}

function str(o, field) {
  const v = req(o, field);
  if (typeof v !== 'string') throw new Malformed(`${field} must be a string`);
  return v;
}

function messageId(v, field) {
  if (typeof v !== 'string') throw new Malformed(`${field} must be a string`);
  try {
    fromBase64url(field, v, 16);
  } catch (e) {
    throw new Malformed(e.message);
  }
  return v;
}

function inbox(o, field) {
  const v = str(o, field);
  try {
    fromBase64url(field, v, 32);
  } catch (e) {
    throw new Malformed(e.message);
  }
  return v;
}

function integer(o, field) {
  return integerValue(req(o, field), field);
}

function integerValue(v, field) {
  if (!(v instanceof JsonNumber)) throw new Malformed(`${field} must be a number`);
  if (!/^-?(0|[1-9][0-9]{0,18})$/.test(v.lexical)) throw new Malformed(`${field} must be an integer`);
  const n = Number(v.lexical);
  if (!Number.isSafeInteger(n)) throw new Malformed(`${field} is out of range`);
  return n;
}

function positive(o, field) {
  const n = integer(o, field);
  if (n < 1 || n > MAX_SAFE) throw new Malformed(`${field} must be 1 to 2^53-1`);
  return n;
}

function nonNegative(v, field) {
  const n = integerValue(v, field);
  if (n < 0) throw new Malformed(`${field} must not be negative`);
  return n;
}

/** fwant's `want`: 0 to 8 distinct indices, ascending, none below `have` (docs/protocol.md section 9.4). */
function wanted(o, have) {
  const v = req(o, 'want');
  if (!Array.isArray(v) || v.length > WINDOW) throw new Malformed(`want must be an array of at most ${WINDOW}`);
  const want = v.map((x) => nonNegative(x, 'want'));
  for (let k = 0; k < want.length; k++) {
    if (want[k] < have || (k > 0 && want[k] <= want[k - 1])) {
      throw new Malformed('want must be distinct ascending indices from have on');
    }
  }
  return want;
}

/** A msg's `file`: every field of docs/protocol.md section 9.3, checked; plain values out. */
function manifest(file) {
  const problem = manifestProblem(file, (field) => integer(file, field));
  if (problem) throw new Malformed(problem);
  return { name: file.name, size: integer(file, 'size'), type: file.type, chunk: integer(file, 'chunk'),
    count: integer(file, 'count'), sha256: file.sha256, key: file.key };
}

function timestamp(o) {
  const n = integer(o, 'ts');
  if (n < 0 || n > MAX_SAFE) throw new Malformed('ts must be 0 to 2^53-1');
  return n;
}

function epk(o) {
  const v = str(o, 'epk');
  try {
    checkedPoint(v);
  } catch (e) {
    throw new Malformed(e.message);
  }
  return v;
}

function ids(o) {
  const v = req(o, 'ids');
  if (!Array.isArray(v)) throw new Malformed('ids must be an array');
  if (v.length < 1 || v.length > MAX_ACK_IDS) throw new Malformed('ids must hold 1 to 100 ids');
  return v.map((x) => messageId(x, 'ids'));
}

function checkedText(text) {
  if (!isWellFormed(text)) throw new Malformed('text is not valid Unicode (lone surrogate)');
  const bytes = utf8(text).length;
  if (bytes < 1 || bytes > MAX_TEXT_BYTES) throw new Malformed(`text must be 1 to ${MAX_TEXT_BYTES} bytes`);
  return text;
}

/** A join's or welcome's name has the invite link's rule (docs/protocol.md section 3): no control or bidi characters. */
function checkedName(name) {
  const problem = nameProblem(name);
  if (problem) throw new Malformed(`name ${problem}`);
  return name;
}

/** The sender's checks, with the receiver's rules: what we send, the desktop accepts. */
function checkFields(o) {
  const copy = parseStrict(JSON.stringify(o));
  const result = read(copy, null, o.to);
  if (!(result instanceof Accepted)) throw new Error(`refusing to send a ${o.t}: ${result.detail}`);
}

/** Why `text` cannot be sent, or null: what the composer checks before anything is stored. */
export function textProblem(text) {
  if (!isWellFormed(text)) return 'the text is not valid Unicode';
  const bytes = utf8(text).length;
  if (bytes < 1) return 'the message is empty';
  if (bytes > MAX_TEXT_BYTES) return `the message is ${bytes} bytes; at most ${MAX_TEXT_BYTES} fit`;
  return null;
}
