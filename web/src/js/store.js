// The browser's durable state in IndexedDB (via the idb library): chat records (keys included, see SECURITY.md
// "Browser client"), messages and the outbox. Every write is its own transaction, so a closed tab loses nothing
// that was shown.
import { openDB } from '../vendor/idb.js';

const RANK = { queued: 0, sent: 1, delivered: 2 };

export class Store {
  constructor(db) {
    this.db = db;
    this.lastOrdinal = 0;
  }

  static async open(name = 'parley') {
    const db = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('chats', { keyPath: 'id' });
        const messages = db.createObjectStore('messages', { keyPath: ['chat', 'dir', 'id'] });
        messages.createIndex('chat', 'chat');
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

  /** Deletes a chat's record (its keys) and every message, in one transaction. */
  async deleteChat(id) {
    const tx = this.db.transaction(['chats', 'messages'], 'readwrite');
    tx.objectStore('chats').delete(id);
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
}
