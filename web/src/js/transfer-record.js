// What both sides of a transfer share: a file message's transfer state as it is stored, the view of a message
// that leaves the protocol layer (the file key and digest stay behind), and reading a file back from its chunks.
import { fromBase64url } from './bytes.js';
import { importFileKey, openChunk } from './file-crypto.js';
import { CHUNK_BYTES, FILE_TIMINGS } from './file-manifest.js';

/**
 * A stored transfer: `state` is the sender's sending | delivered | cancelled | unsupported or the receiver's
 * offered | downloading | paused | complete | failed | gone; `held` the chunks the receiver holds (the sender
 * learns it from fwant's `have`); `problem` why it stopped or waits, for the user, or null.
 */
export function transfer(state, held = 0, problem = null) {
  return { state, held, problem };
}

/** A file-timing (FILE_TIMINGS) from the session's timings, so that tests can shorten them. */
export function fileTiming(session, name) {
  return session.timings[name] ?? FILE_TIMINGS[name];
}

/** A message as the faces see it: a file's name, size, type and count, never its key or digest. */
export function publicMessage(m) {
  if (!m.file) return m;
  const { name, size, type, count } = m.file;
  return { ...m, file: { name, size, type, count }, transfer: { ...m.transfer } };
}

/** Emits a file message's new state to the faces. */
export function emitTransfer(session, m) {
  session.service.emit('transfer-changed', session.record.id, publicMessage(m));
}

/** The file's bytes, decrypted from the chunks `store` holds of it, or null when one is missing or fails. */
export async function decryptFile(store, chat, m) {
  const { size, count, key } = m.file;
  const fileKey = await importFileKey(fromBase64url('key', key, 32));
  const bytes = new Uint8Array(size);
  for (let i = 0; i < count; i++) {
    const sealed = await store.chunk(chat, m.id, i);
    const plain = sealed && await openChunk(fileKey, m.id, i, count, sealed);
    if (!plain) return null;
    bytes.set(plain.subarray(0, Math.min(CHUNK_BYTES, size - i * CHUNK_BYTES)), i * CHUNK_BYTES);
  }
  return bytes;
}
