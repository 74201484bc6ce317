// One MQTT-over-wss connection per (chat, own inbox) (docs/protocol.md sections 1, 6 and 7): client id = the inbox,
// cleanSession = false, the own inbox subscribed at QoS 1 on every connect, QoS 1 publishes. Reconnects with
// back-off; a client-id take-over loop (another device or tab on the same inbox) is detected and backed off.
import mqtt from '../vendor/mqtt.esm.js';

export const topicOf = (inbox) => `/chats/${inbox}/messages`;

/** Capped exponential back-off with ±20% jitter, as the desktop's transport. */
export function backoff(initialMs, maxMs, attempt) {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base * (1 + 0.2 * (2 * Math.random() - 1)));
}

const RECONNECT = [500, 60000];
const TAKEOVER = [2000, 60000];
/** A connection that drops this soon after it came up counts towards a take-over loop. */
const SHORT_LIVED_MS = 5000;
const TAKEOVER_DROPS = 3;

/** `credentials`: {username, password (or null)} for a broker profile that needs them, else null. */
function options(inbox, clean, credentials) {
  const login = credentials
    ? { username: credentials.username, ...(credentials.password === null ? {} : { password: credentials.password }) }
    : {};
  return {
    ...login,
    clientId: inbox,
    clean,
    protocolVersion: 4,
    reconnectPeriod: 0, // our own back-off below
    connectTimeout: 10000,
    keepalive: 60,
    resubscribe: false,
    timerVariant: 'native', // the worker variant needs a blob: worker, which the page's CSP forbids
  };
}

export class InboxConnection {
  /** `listener`: {message(bytes: Uint8Array, retained: boolean), state({status, detail})}. */
  constructor(url, inbox, listener, credentials = null) {
    this.url = url;
    this.credentials = credentials;
    this.inbox = inbox;
    this.listener = listener;
    this.client = null;
    this.online = false;
    this.closed = false;
    this.attempt = 0;
    this.shortDrops = 0;
    this.timer = null;
  }

  start() {
    this.connect();
  }

  connect() {
    if (this.closed) return;
    this.attempt++;
    this.state('connecting', this.attempt > 1 ? `connecting (attempt ${this.attempt})` : 'connecting');
    const client = mqtt.connect(this.url, options(this.inbox, false, this.credentials));
    this.client = client;
    let connectedAt = 0;
    client.on('connect', () => {
      // subscribe on every connect, even with a session present: it restores a session the broker lost
      client.subscribe(topicOf(this.inbox), { qos: 1 }, (err) => {
        if (err || client !== this.client) return;
        connectedAt = Date.now();
        this.online = true;
        this.attempt = 0;
        this.state('online', 'online');
      });
    });
    client.on('message', (topic, payload, packet) => {
      if (client === this.client && topic === topicOf(this.inbox)) {
        this.listener.message(new Uint8Array(payload), packet.retain === true);
      }
    });
    client.on('error', () => {}); // followed by close
    client.on('close', () => {
      if (client !== this.client) return;
      this.client = null;
      this.online = false;
      client.end(true);
      if (this.closed) return;
      const shortLived = connectedAt !== 0 && Date.now() - connectedAt < SHORT_LIVED_MS;
      this.shortDrops = shortLived ? this.shortDrops + 1 : connectedAt !== 0 ? 0 : this.shortDrops;
      let delay;
      if (this.shortDrops >= TAKEOVER_DROPS) {
        delay = backoff(TAKEOVER[0], TAKEOVER[1], this.shortDrops - TAKEOVER_DROPS + 1);
        this.state('taken-over', `another device or tab uses this chat's inbox (${this.shortDrops} take-overs); `
          + `retrying in ${Math.max(1, Math.round(delay / 1000))} s`);
      } else {
        delay = backoff(RECONNECT[0], RECONNECT[1], Math.max(1, this.attempt));
        this.state('waiting', `${connectedAt ? 'connection lost' : 'cannot reach the broker'}; `
          + `retrying in ${Math.max(1, Math.round(delay / 1000))} s`);
      }
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }

  state(status, detail) {
    if (!this.closed) this.listener.state({ status, detail });
  }

  /** Publishes at QoS 1 to the peer's inbox; resolves on the broker's PUBACK. */
  publish(peerInbox, text) {
    return new Promise((resolve, reject) => {
      const client = this.client;
      if (!client || !this.online) {
        reject(new Error('not connected'));
        return;
      }
      client.publish(topicOf(peerInbox), text, { qos: 1, retain: false }, (err) => (err ? reject(err) : resolve()));
    });
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.online = false;
    if (client) client.end(true);
  }

  /** Makes the broker forget an inbox's session: connect as it with cleanSession = true, then leave. */
  static retire(url, inbox, credentials = null) {
    return new Promise((resolve, reject) => {
      const client = mqtt.connect(url, options(inbox, true, credentials));
      const timer = setTimeout(() => {
        client.end(true);
        reject(new Error('timed out'));
      }, 15000);
      client.on('error', () => {});
      client.on('connect', () => {
        clearTimeout(timer);
        client.end(false, {}, () => resolve());
      });
      client.on('close', () => {
        if (!client.connected) {
          clearTimeout(timer);
          client.end(true);
          reject(new Error('could not connect'));
        }
      });
    });
  }
}
