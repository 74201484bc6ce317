// Two chat sessions in one node process: an in-memory broker that keeps each inbox's order (as MQTT does within
// one connection) and an in-memory store with the IndexedDB store's interface. What the state machine decides is
// under test here; the real broker and IndexedDB are exercised by the Chromium tests (parley.web.*IT).
import { DEFAULT_AUTO_DOWNLOAD } from '../src/js/file-manifest.js';
import { ChatSession } from '../src/js/session.js';

export class MemoryBroker {
  constructor() {
    this.subscribers = new Map();
    this.queues = new Map();
    this.published = []; // [{to, text}] everything ever published, for replays
  }

  attach(inbox, connection) {
    this.subscribers.set(inbox, connection);
    this.flush(inbox);
  }

  publish(to, text) {
    this.published.push({ to, text });
    this.enqueue(to, text);
  }

  /** A payload from anyone (a rogue, or a replay) into an inbox. */
  enqueue(to, text) {
    if (!this.queues.has(to)) this.queues.set(to, []);
    this.queues.get(to).push(text);
    this.flush(to);
  }

  flush(inbox) {
    const subscriber = this.subscribers.get(inbox);
    const queue = this.queues.get(inbox);
    if (!subscriber || !queue) return;
    while (queue.length > 0) {
      const text = queue.shift();
      setImmediate(() => subscriber.listener.message(new TextEncoder().encode(text), false));
    }
  }
}

class MemoryConnection {
  constructor(broker, inbox, listener) {
    this.broker = broker;
    this.inbox = inbox;
    this.listener = listener;
  }

  start() {
    this.broker.attach(this.inbox, this);
    setImmediate(() => this.listener.state({ status: 'online', detail: 'online' }));
  }

  publish(to, text) {
    this.broker.publish(to, text);
    return Promise.resolve();
  }

  close() {
    if (this.broker.subscribers.get(this.inbox) === this) this.broker.subscribers.delete(this.inbox);
  }
}

export class MemoryStore {
  constructor() {
    this.records = new Map();
    this.messages = new Map();
    this.chunks = new Map(); // `${chat}|${file}|${i}` -> sealed bytes
    this.ordinal = 0;
  }

  async chats() {
    return [...this.records.values()].map((r) => structuredClone(r));
  }

  async putChat(record) {
    this.records.set(record.id, structuredClone(record)); // a copy, as IndexedDB keeps
  }

  async deleteChat(id) {
    this.records.delete(id);
    for (const k of [...this.messages.keys()]) if (k.startsWith(`${id}|`)) this.messages.delete(k);
    for (const k of [...this.chunks.keys()]) if (k.startsWith(`${id}|`)) this.chunks.delete(k);
  }

  async addMessage(message) {
    const stored = { ...message, ordinal: ++this.ordinal };
    this.messages.set(`${message.chat}|${message.dir}|${message.id}`, stored);
    return stored;
  }

  async receive(record, message, update) {
    if (this.messages.has(`${message.chat}|in|${message.id}`)) return null;
    const stored = await this.addMessage(message);
    update(record);
    await this.putChat(record);
    return stored;
  }

  async setStatus(chat, id, status) {
    const rank = { queued: 0, sent: 1, delivered: 2 };
    const m = this.messages.get(`${chat}|out|${id}`);
    if (!m || rank[status] <= rank[m.status]) return false;
    m.status = status;
    return true;
  }

  async history(chat) {
    return [...this.messages.values()].filter((m) => m.chat === chat).sort((a, b) => a.ordinal - b.ordinal);
  }

  async outbox(chat) {
    return (await this.history(chat)).filter((m) => m.dir === 'out' && m.status !== 'delivered');
  }

  async message(chat, dir, id) {
    const m = this.messages.get(`${chat}|${dir}|${id}`);
    return m === undefined ? undefined : structuredClone(m);
  }

  async updateMessage(chat, dir, id, update) {
    const m = this.messages.get(`${chat}|${dir}|${id}`);
    if (!m) return null;
    update(m);
    return structuredClone(m);
  }

  async fileMessages() {
    return [...this.messages.values()].filter((m) => m.file).map((m) => structuredClone(m));
  }

  async putChunks(chat, file, chunks) {
    for (const c of chunks) this.chunks.set(`${chat}|${file}|${c.i}`, new Uint8Array(c.data));
  }

  async chunk(chat, file, i) {
    const data = this.chunks.get(`${chat}|${file}|${i}`);
    return data === undefined ? undefined : new Uint8Array(data);
  }

  async chunkIndices(chat, file) {
    const prefix = `${chat}|${file}|`;
    return [...this.chunks.keys()].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)))
      .sort((a, b) => a - b);
  }

  async deleteChunks(chat, file) {
    for (const k of [...this.chunks.keys()]) if (k.startsWith(`${chat}|${file}|`)) this.chunks.delete(k);
  }
}

/** The part of ChatService a session uses: the serial queue, events, store, timings and connections. */
export class MemoryService {
  constructor(broker, timings) {
    this.broker = broker;
    this.store = new MemoryStore();
    this.timings = timings;
    this.events = [];
    this.queue = Promise.resolve();
  }

  run(work) {
    const result = this.queue.then(work);
    this.queue = result.catch(() => {});
    return result;
  }

  emit(type, ...args) {
    this.events.push([type, ...args]);
  }

  displayName() {
    return null;
  }

  autoDownloadLimit() {
    return this.autoDownload ?? DEFAULT_AUTO_DOWNLOAD;
  }

  forget() {}

  openConnection(url, inbox, listener) {
    return new MemoryConnection(this.broker, inbox, listener);
  }

  async retireInbox() {}

  /** Incoming texts, in the order they were shown. */
  shown() {
    return this.events.filter(([t, , m]) => t === 'message-added' && m.dir === 'in').map(([, , m]) => m.text);
  }

  drops(reason) {
    return this.events.filter(([t, , r]) => t === 'payload-dropped' && r === reason).length;
  }
}

/** A chat agreed at the join under `key` between inboxes a and b, as each side's session (already started). */
export function agreedPair(broker, timings, key, a, b) {
  const now = Date.now();
  const make = (own, peer) => {
    const service = new MemoryService(broker, timings);
    const record = {
      id: `chat-${own.slice(0, 6)}`, inviter: false, phase: 'active', created: now, expires: null, lastActivity: now,
      unread: 0, wss: 'wss://memory', mqtts: null, ownInbox: own, peerInbox: peer, inviteKey: null,
      epochs: [{ epoch: 0, key, since: now, eraseAt: null }], acceptedJoin: null, peerSeq: 1, sendSeq: 1,
      handshake: null, handshakeConfirmed: true, ephemeralPrivate: null, retiring: null, link: null,
      rekeyOffer: null, rekeyAnswer: null, rekeyOkTaken: null, sentSinceRekey: 0, safetyDigits: null, verified: false,
    };
    const session = new ChatSession(service, record);
    service.session = session;
    return session;
  };
  const left = make(a, b);
  const right = make(b, a);
  left.resume();
  right.resume();
  return [left, right];
}
