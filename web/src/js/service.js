// The browser's chat service, the counterpart of the desktop's ChatService: commands return promises, what
// happens comes out as events. Every command, message and timer runs through one serial queue (`run`), so a
// chat's state is never touched by two handlers at once even though IndexedDB and WebCrypto are asynchronous.
import { credentialsFor } from './broker-config.js';
import { randomId, random256 } from './bytes.js';
import { InboxConnection } from './connection.js';
import { seal } from './envelope.js';
import { DEFAULT_AUTO_DOWNLOAD, FILE_TIMINGS, fileNameProblem, sizeProblem } from './file-manifest.js';
import { formatLink, nameProblem, parseLink } from './invite.js';
import { generateEphemeral } from './keys.js';
import { ChatSession } from './session.js';
import { decryptFile, publicMessage } from './transfer-record.js';

/** The desktop's ChatTimings.standard(), in ms: re-sends, ack batching, invites, and the rekey thresholds. */
export const STANDARD_TIMINGS = {
  resendFirst: 5000, resendMax: 60000, ackBatch: 200, joinUnanswered: 30000, inviteValidity: 24 * 3600 * 1000,
  rekeyAfterMessages: 1000, rekeyAfterAge: 7 * 24 * 3600 * 1000, oldKeyGrace: 3600 * 1000,
  clockSkew: 5 * 60 * 1000, // a welcome is late once the invite expired this long ago (docs/protocol.md 4.7)
  ...FILE_TIMINGS,
};

export class ChatService {
  /**
   * @param store     a {@link Store}
   * @param broker    {wss, mqtts (or null), webBase, credentials (or null)}: this page's broker, which its invites
   *                  name; its credentials go only to its own wss address
   * @param settings  {displayName(): string|null, autoDownloadLimit(): number|null (bytes; null: 16 MiB)}
   */
  constructor(store, broker, settings, timings = STANDARD_TIMINGS) {
    this.store = store;
    this.broker = broker;
    this.settings = settings;
    this.timings = timings;
    this.sessions = new Map();
    this.listeners = [];
    this.queue = Promise.resolve();
  }

  /** Loads every stored chat and connects it. */
  async start() {
    await this.run(async () => {
      for (const record of await this.store.chats()) {
        const session = new ChatSession(this, record);
        this.sessions.set(record.id, session);
        session.resume();
      }
    });
  }

  /** The user's name as joins and welcomes carry it; one the peer would refuse (an old stored value) is not sent. */
  displayName() {
    const name = this.settings.displayName() || null;
    return name !== null && nameProblem(name) === null ? name : null;
  }

  /** Files up to this size are fetched as soon as their manifest arrives; larger ones wait for the user. */
  autoDownloadLimit() {
    return this.settings.autoDownloadLimit?.() ?? DEFAULT_AUTO_DOWNLOAD;
  }

  on(listener) {
    this.listeners.push(listener);
  }

  emit(type, ...args) {
    for (const l of this.listeners) {
      try {
        l(type, ...args);
      } catch (e) {
        console.error('a chat event listener failed', e);
      }
    }
  }

  /** Runs `work` after everything queued before it; the result or error comes back to the caller only. */
  run(work) {
    const result = this.queue.then(work);
    this.queue = result.catch(() => {});
    return result;
  }

  session(id) {
    const s = this.sessions.get(id);
    if (!s) throw new Error(`no chat ${id}`);
    return s;
  }

  forget(id) {
    this.sessions.delete(id);
  }

  /** The connection of one inbox; `listener` is {message(bytes, retained), state({status, detail})}. */
  openConnection(url, inbox, listener) {
    return new InboxConnection(url, inbox, listener, credentialsFor(this.broker, url));
  }

  /** Makes the broker forget an inbox's session (docs/protocol.md section 4). */
  retireInbox(url, inbox) {
    return InboxConnection.retire(url, inbox, credentialsFor(this.broker, url));
  }

  newRecord(fields) {
    const now = Date.now();
    return {
      id: randomId(), inviter: false, phase: 'joining', created: now, expires: null, lastActivity: null, unread: 0,
      wss: null, mqtts: null, ownInbox: random256(), peerInbox: null, inviteKey: null, epochs: [],
      acceptedJoin: null, peerSeq: 0, sendSeq: 0, handshake: null, handshakeConfirmed: false,
      ephemeralPrivate: null, retiring: null, link: null, rekeyOffer: null, rekeyAnswer: null, rekeyOkTaken: null,
      sentSinceRekey: 0, safetyDigits: null, verified: false, ...fields,
    };
  }

  /**
   * Makes an invite on this page's broker: a fresh inbox and key, listening until it expires or is answered. Its
   * snapshot has no `link` until it is live (its inbox subscribed at the broker: 'invite-live').
   */
  createInvite() {
    return this.run(async () => {
      const now = Date.now();
      const r = this.newRecord({
        inviter: true, phase: 'invited', expires: now + this.timings.inviteValidity, wss: this.broker.wss,
        mqtts: this.broker.mqtts, inviteKey: random256(),
      });
      r.name = `Invite ${r.id.slice(0, 4)}`;
      r.link = formatLink({ inbox: r.ownInbox, key: r.inviteKey, wss: r.wss, mqtts: r.mqtts,
        name: this.displayName(), expires: r.expires }, this.broker.webBase);
      await this.store.putChat(r);
      const session = new ChatSession(this, r);
      this.sessions.set(r.id, session);
      session.resume();
      this.emit('chat-changed', session.snapshot());
      return session.snapshot();
    });
  }

  /** Joins the chat an invite link offers; the welcome arrives later as 'chat-ready'. */
  join(link) {
    const invite = parseLink(link); // throws an InviteError with a message for the user
    if (!invite.wss) {
      throw new Error('this invite names no web broker address (b=wss://...): a browser can only connect over wss');
    }
    return this.run(async () => {
      const now = Date.now();
      const ephemeral = await generateEphemeral();
      const r = this.newRecord({
        phase: 'joining', expires: invite.expires, wss: invite.wss, mqtts: invite.mqtts, peerInbox: invite.inbox,
        inviteKey: invite.key, ephemeralPrivate: ephemeral.privateKey,
      });
      r.name = invite.name ?? `Chat ${r.id.slice(0, 4)}`;
      r.sendSeq = 1;
      r.handshake = { id: randomId(), seq: 1, ts: now, epk: ephemeral.epk, name: this.displayName() };
      // the join must be one the desktop accepts: sealing it once checks every field before anything is stored
      seal({ t: 'join', to: r.peerInbox, inbox: r.ownInbox, ...r.handshake, name: r.handshake.name ?? undefined },
        r.inviteKey);
      await this.store.putChat(r);
      const session = new ChatSession(this, r);
      this.sessions.set(r.id, session);
      session.resume();
      this.emit('chat-changed', session.snapshot());
      return session.snapshot();
    });
  }

  send(id, text) {
    return this.run(() => this.session(id).send(text));
  }

  chats() {
    return [...this.sessions.values()].map((s) => s.snapshot())
      .sort((a, b) => (b.lastActivity ?? b.created) - (a.lastActivity ?? a.created));
  }

  chat(id) {
    return this.session(id).snapshot();
  }

  /** The chat's messages, oldest first; a file message names its file and transfer, never its key. */
  history(id) {
    return this.run(async () => (await this.store.history(id)).map(publicMessage));
  }

  /**
   * Sends `blob` (a File, or any Blob) as the file `name`: refused with a message naming the reason (empty, over
   * 100 MiB with both sizes, a name the peer would refuse, past this browser's quota) before anything is sent.
   */
  async sendFile(id, blob, name = blob.name) {
    const problem = sizeProblem(blob.size) ?? fileNameProblem(name);
    if (problem) throw new Error(problem);
    const bytes = new Uint8Array(await blob.arrayBuffer()); // read before the queue: other chats go on meanwhile
    return this.run(() => this.session(id).sending.sendFile(name, blob.type, bytes));
  }

  /** Fetches (or resumes) a received file; refused with the reason when the quota leaves no room. */
  download(id, messageId) {
    return this.run(() => this.session(id).receiving.download(messageId));
  }

  /** Pauses fetching a received file; what it holds is kept. */
  pause(id, messageId) {
    return this.run(() => this.session(id).receiving.pause(messageId));
  }

  /** Stops offering a file we sent. */
  cancelFile(id, messageId) {
    return this.run(() => this.session(id).sending.cancel(messageId));
  }

  /** The bytes of a complete received file, or of one we sent and still hold, as a Blob of its media type. */
  fileBlob(id, messageId, dir) {
    return this.run(async () => {
      const m = await this.store.message(id, dir, messageId);
      const readable = dir === 'in' ? m?.transfer?.state === 'complete'
        : m?.file && m.transfer.state !== 'cancelled';
      if (!readable) throw new Error('this file is not here (yet)');
      const bytes = await decryptFile(this.store, id, m);
      if (!bytes) throw new Error('this file could not be read back from this browser\'s storage');
      return new Blob([bytes], { type: m.file.type });
    });
  }

  markRead(id) {
    return this.run(() => this.session(id).markRead());
  }

  rename(id, name) {
    return this.run(() => this.session(id).rename(name));
  }

  /** Starts a key refresh (docs/protocol.md section 5); the new epoch shows in the snapshot's `epoch` when agreed. */
  rekey(id) {
    return this.run(() => this.session(id).startRekey());
  }

  /** The chat's safety code as 20 digits, to compare with the peer's or show as a QR code. */
  safetyCode(id) {
    return this.run(async () => this.session(id).safetyCode());
  }

  /**
   * Marks the chat verified when `scannedOrTyped` (20 digits, or the peer's scanned QR text) is its safety code;
   * rejects with a SafetyMismatch explaining what a mismatch means when it is not.
   */
  verify(id, scannedOrTyped) {
    return this.run(() => this.session(id).verify(scannedOrTyped));
  }

  /** Forgets a chat: its keys, history and the broker's session of its inbox. */
  delete(id) {
    return this.run(() => this.session(id).delete('deleted'));
  }
}
