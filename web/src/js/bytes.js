// Byte helpers shared by the protocol modules: strict base64url, UTF-8 and CSPRNG bytes.

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Canonical base64url without padding of `bytes` (a Uint8Array). */
export function base64url(bytes) {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Standard padded base64 of `bytes`; built 8 KiB at a time, as a file chunk (64 KiB) is too long to add bytewise. */
function base64(bytes) {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 8192) binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 8192));
  return btoa(binary);
}

/**
 * Decodes canonical base64url of exactly `length` bytes, or throws naming `field`: a string that does not
 * re-encode to itself (stray low bits, padding, `+`, `/`) is refused, as the desktop does.
 */
export function fromBase64url(field, text, length) {
  if (typeof text !== 'string' || !B64URL.test(text)) throw new Error(`${field} is not base64url`);
  if (text.length % 4 === 1) throw new Error(`${field} is not base64url`);
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (bytes.length !== length) throw new Error(`${field} must be ${length} bytes, not ${bytes.length}`);
  if (base64url(bytes) !== text) throw new Error(`${field} is not canonical base64url`);
  return bytes;
}

export function randomBytes(n) {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** 16 CSPRNG bytes as 22 base64url characters: a message id. */
export function randomId() {
  return base64url(randomBytes(16));
}

/** 32 CSPRNG bytes as 43 base64url characters: an inbox id or a key. */
export function random256() {
  return base64url(randomBytes(32));
}

/** True when `text` has no lone UTF-16 surrogate (it then has a UTF-8 form). */
export function isWellFormed(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

const ENCODER = new TextEncoder();
const STRICT_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 of well-formed text; throws on a lone surrogate (TextEncoder would silently write U+FFFD). */
export function utf8(text) {
  if (!isWellFormed(text)) throw new Error('text is not valid Unicode (lone surrogate)');
  return ENCODER.encode(text);
}

/** Strict UTF-8 decoding: null for invalid bytes (overlong forms, surrogates, cut sequences). */
export function fromUtf8(bytes) {
  try {
    return STRICT_DECODER.decode(bytes);
  } catch {
    return null;
  }
}

/** CryptoJS WordArray <-> Uint8Array. */
export function wordsToBytes(wordArray) {
  const out = new Uint8Array(wordArray.sigBytes);
  for (let i = 0; i < out.length; i++) out[i] = (wordArray.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
  return out;
}

export function bytesToWords(CryptoJS, bytes) {
  const words = [];
  for (let i = 0; i < bytes.length; i++) words[i >>> 2] |= bytes[i] << (24 - (i % 4) * 8);
  return CryptoJS.lib.WordArray.create(words, bytes.length);
}
