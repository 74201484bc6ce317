// A file's chunks under its own key F (docs/protocol.md section 9.2), with WebCrypto (the page's crypto.subtle,
// node's globalThis.crypto in tests, so both run this code): AES-256-GCM per 65,536-byte chunk, the last one
// zero-padded, nonce = 4 zero bytes || the index as 8 bytes big-endian, AAD = "parley-chunk-v1|<file id>|<i>|<N>",
// and SHA-256 over the file's bytes.
import { CHUNK_BYTES } from './file-manifest.js';

const subtle = () => globalThis.crypto.subtle;

function nonce(i) {
  const n = new Uint8Array(12);
  new DataView(n.buffer).setBigUint64(4, BigInt(i));
  return n;
}

function aad(fileId, i, count) {
  return new TextEncoder().encode(`parley-chunk-v1|${fileId}|${i}|${count}`);
}

/** F (32 bytes) as a WebCrypto key that only encrypts and decrypts chunks. */
export function importFileKey(bytes) {
  return subtle().importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Chunk `i` of `count` of `bytes` (the whole file), padded to 65,536 bytes and sealed: 65,552 bytes. */
export async function sealChunk(key, fileId, i, count, bytes) {
  const padded = new Uint8Array(CHUNK_BYTES);
  padded.set(bytes.subarray(i * CHUNK_BYTES, Math.min(bytes.length, (i + 1) * CHUNK_BYTES)));
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv: nonce(i), additionalData: aad(fileId, i, count) },
    key, padded);
  return new Uint8Array(sealed);
}

/** The padded 65,536 bytes of a sealed chunk, or null when its tag fails (tampered, another file or place). */
export async function openChunk(key, fileId, i, count, sealed) {
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: nonce(i), additionalData: aad(fileId, i, count) },
      key, sealed);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/** True when the bytes past the file's end in its last chunk (its padding) are all zero. */
export function paddingIsZero(plain, i, size) {
  const used = size - i * CHUNK_BYTES;
  for (let k = Math.max(0, used); k < plain.length; k++) if (plain[k] !== 0) return false;
  return true;
}

export async function sha256(bytes) {
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}
