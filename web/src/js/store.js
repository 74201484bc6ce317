// The browser's durable state in IndexedDB (via the idb library): chat records (keys included, see SECURITY.md
// "Browser client"), messages and the outbox, and the chunks of files (docs/protocol.md section 9), kept as they
// travel: sealed under the file's key. Every write is its own transaction, so a closed tab loses nothing that was
// shown.
import { openDB } from '../vendor/idb.js';

const RANK = { queued: 0, sent: 1, delivered: 2 };

export class Store {
  constructor(db) {
    this.db = db;
    this.lastOrdinal = 0;
  }

  static async open(name = 'parley') {
    const db = await openDB(name, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('chats', { keyPath: 'id' });
          const messages = db.createObjectStore('messages', { keyPath: ['chat', 'dir', 'id'] });
          messages.createIndex('chat', 'chat');
        }
        // key [chat, file id, index]; the value is the sealed chunk's 65,552 bytes
        if (oldVersion < 2) db.createObjectStore('chunks');
      },
    });
    return new Store(db);
  }

  chats() {
    return this.db.getAll('chats');
  }

  putChat(record) {
    return this.db.put('chats', record);
  }

  /** Deletes a chat's record (its keys), every message and every chunk of its files, in one transaction. */
  async deleteChat(id) {
    const tx = this.db.transaction(['chats', 'messages', 'chunks'], 'readwrite');
    tx.objectStore('chats').delete(id);
    tx.objectStore('chunks').delete(chatRange(id));
    const index = tx.objectStore('messages').index('chat');
    for (let cursor = await index.openCursor(IDBKeyRange.only(id)); cursor; cursor = await cursor.continue()) {
      cursor.delete();
    }
    await tx.done;
  }

  /** Stores a message {chat, dir: 'in'|'out', id, seq, ts, status, text} and returns it with its ordinal. */
  async addMessage(message) {
    const ordinal = Math.max(Date.now() * 1000, this.lastOrdinal + 1);
    this.lastOrdinal = ordinal;
    const stored = { ...message, ordinal };
    await this.db.put('messages', stored);
    return stored;
  }

  /**
   * Stores an incoming message and its chat's updated record in one transaction (one commit: the latency a user
   * sees), unless a message with its id is already stored. Returns the stored message, or null for a duplicate.
   * `update(record)` changes the record just before it is written.
   */
  async receive(record, message, update) {
    const tx = this.db.transaction(['chats', 'messages'], 'readwrite');
    const messages = tx.objectStore('messages');
    if ((await messages.getKey([message.chat, 'in', message.id])) !== undefined) {
      await tx.done;
      return null;
    }
    const ordinal = Math.max(Date.now() * 1000, this.lastOrdinal + 1);
    this.lastOrdinal = ordinal;
    const stored = { ...message, ordinal };
    messages.put(stored);
    update(record);
    tx.objectStore('chats').put(record);
    await tx.done;
    return stored;
  }

  /** Moves an outgoing message forward (queued -> sent -> delivered); true when it changed. */
  async setStatus(chat, id, status) {
    const tx = this.db.transaction('messages', 'readwrite');
    const m = await tx.store.get([chat, 'out', id]);
    if (!m || RANK[status] <= RANK[m.status]) {
      await tx.done;
      return false;
    }
    m.status = status;
    await tx.store.put(m);
    await tx.done;
    return true;
  }

  /** Every message of a chat, oldest first. */
  async history(chat) {
    const all = await this.db.getAllFromIndex('messages', 'chat', chat);
    return all.sort((a, b) => a.ordinal - b.ordinal);
  }

  /** Outgoing messages the peer has not acked yet, oldest first. */
  async outbox(chat) {
    return (await this.history(chat)).filter((m) => m.dir === 'out' && m.status !== 'delivered');
  }

  /** One message, or undefined. */
  message(chat, dir, id) {
    return this.db.get('messages', [chat, dir, id]);
  }

  /** Changes a stored message with `update(message)` and writes it back; returns it, or null when it is gone. */
  async updateMessage(chat, dir, id, update) {
    const tx = this.db.transaction('messages', 'readwrite');
    const m = await tx.store.get([chat, dir, id]);
    if (!m) {
      await tx.done;
      return null;
    }
    update(m);
    await tx.store.put(m);
    await tx.done;
    return m;
  }

  /** Every file message of every chat, for the quota of file chunks (file-quota.js). */
  async fileMessages() {
    const tx = this.db.transaction('messages');
    const files = [];
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.file) files.push(cursor.value);
    }
    await tx.done;
    return files;
  }

  /** Stores sealed chunks [{i, data}] of a file in one transaction. */
  async putChunks(chat, file, chunks) {
    const tx = this.db.transaction('chunks', 'readwrite');
    for (const c of chunks) tx.store.put(c.data, [chat, file, c.i]);
    await tx.done;
  }

  /** A sealed chunk (Uint8Array), or undefined. */
  async chunk(chat, file, i) {
    const data = await this.db.get('chunks', [chat, file, i]);
    return data === undefined ? undefined : new Uint8Array(data);
  }

  /** The indices of the chunks held of a file, ascending. */
  async chunkIndices(chat, file) {
    const keys = await this.db.getAllKeys('chunks', IDBKeyRange.bound([chat, file], [chat, file, []]));
    return keys.map((k) => k[2]);
  }

  deleteChunks(chat, file) {
    return this.db.delete('chunks', IDBKeyRange.bound([chat, file], [chat, file, []]));
  }
}

/** Every key [chat, ...]: arrays sort after numbers and strings, so [chat, []] is above [chat, any file id, i]. */
function chatRange(chat) {
  return IDBKeyRange.bound([chat], [chat, []]);
}
