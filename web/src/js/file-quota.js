// The browser's quota for file chunks (docs/protocol.md section 8): at most 200 MiB of them per browser profile,
// counted in chunks of 64 KiB, over every file this browser sends or receives, in all chats. A browser may evict
// a site's IndexedDB under storage pressure and often grants a site only part of the free disk; a bound of our own
// keeps the chats' history far inside that, so a large file is refused with a reason instead of failing halfway.
import { CHUNK_BYTES, formatSize } from './file-manifest.js';

export const QUOTA_BYTES = 200 * 1024 * 1024;

/** The states in which a file holds (or is about to hold) its chunks in this browser. */
const HOLDING = ['sending', 'delivered', 'unsupported', 'downloading', 'paused', 'complete'];

/** Why a file of `count` chunks does not fit beside what `store` already holds, or null. */
export async function quotaProblem(store, count, except = null) {
  let used = 0;
  for (const m of await store.fileMessages()) {
    if (m.id !== except && HOLDING.includes(m.transfer?.state)) used += m.file.count;
  }
  const need = count * CHUNK_BYTES;
  if ((used * CHUNK_BYTES) + need <= QUOTA_BYTES) return null;
  return `this browser keeps at most 200 MiB of files; ${formatSize(used * CHUNK_BYTES)} are in use and this `
    + `file needs ${formatSize(need)}. `
    + 'Forget a chat with large files to make room, or use the desktop app';
}
