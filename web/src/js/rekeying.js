// Rekeying in one chat (docs/protocol.md section 5), as the desktop's Rekeying: our rekey and its re-sends, the
// answer to the peer's, the switch to the new epoch, and the timer that erases replaced keys and starts the
// automatic rekey. The decisions themselves are pure, in rekey.js. The key timer lives on the session (`keyTimer`).
import { randomId } from './bytes.js';
import { seal } from './envelope.js';
import { deriveChatKey, generateEphemeral } from './keys.js';
import { REKEY } from './outbox.js';
import {
  addEpoch, currentEpoch, eraseDueKeys, nextKeyEvent, rekeyDue, rekeyOkVerdict, rekeyVerdict,
} from './rekey.js';

export class Rekeying {
  constructor(session) {
    this.s = session;
  }

  /** Starts a rekey now, unless one of ours is already under way. */
  async startRekey() {
    const s = this.s;
    const r = s.record;
    if (r.phase !== 'active') throw new Error('keys can be refreshed once the chat is agreed');
    if (r.rekeyOffer) return;
    const now = Date.now();
    // the private half is a non-extractable CryptoKey, kept in IndexedDB so a reload can finish the rekey
    const ephemeral = await generateEphemeral();
    r.sendSeq += 1;
    r.rekeyOffer = {
      id: randomId(), seq: r.sendSeq, ts: now, epoch: currentEpoch(r).epoch + 1, epk: ephemeral.epk,
      privateKey: ephemeral.privateKey,
    };
    await s.persist();
    this.sendOffer();
    s.service.emit('chat-changed', s.snapshot());
  }

  /** The automatic rekey: after `rekeyAfterMessages` sent, or when the current epoch is `rekeyAfterAge` old. */
  async rekeyIfDue() {
    const s = this.s;
    if (!s.deleted && rekeyDue(s.record, Date.now(), s.timings)) await this.startRekey();
  }

  /** Our rekey, identical each time (same id, seq and epk), under the current key. */
  sendOffer() {
    const s = this.s;
    const r = s.record;
    const o = r.rekeyOffer;
    s.outbox.schedule(REKEY);
    if (s.connectionState.status !== 'online') return;
    const rekey = { t: 'rekey', id: o.id, to: r.peerInbox, seq: o.seq, ts: o.ts, epoch: o.epoch, epk: o.epk };
    s.connection.publish(r.peerInbox, seal(rekey, s.currentKey())).catch(() => {});
  }

  async rekeyArrived(rekey, key) {
    const s = this.s;
    const r = s.record;
    const verdict = rekeyVerdict(r, rekey, key);
    if (verdict.action === 'repeat') {
      this.sendAnswer(r.rekeyAnswer, key); // a copy: the same answer, so both sides agree
      return;
    }
    if (verdict.action === 'stale') {
      s.drop('stale-epoch'); // or both started and the smaller public key, ours, wins
      return;
    }
    if (verdict.abandonOwn) {
      r.rekeyOffer = null; // theirs wins: our private key goes with the next put
      s.outbox.done(REKEY);
    }
    const now = Date.now();
    const ephemeral = await generateEphemeral();
    const next = await deriveChatKey(ephemeral.privateKey, rekey.epk, key);
    r.sendSeq += 1;
    r.rekeyAnswer = { rekeyId: rekey.id, id: randomId(), seq: r.sendSeq, ts: now, epoch: rekey.epoch, epk: ephemeral.epk };
    await this.switchTo(rekey.epoch, next, now);
    this.sendAnswer(r.rekeyAnswer, key);
  }

  /**
   * The rekey-ok goes out under the key the rekey came under, before anything under the new key. A rekey can come
   * out of the broker's queue a moment before the connection reports itself up: then it goes on the next connect.
   */
  sendAnswer(answer, underKey) {
    const s = this.s;
    s.answerUnsent = true;
    if (!s.connection || s.connectionState.status !== 'online') return;
    const r = s.record;
    const ok = { t: 'rekey-ok', id: answer.id, to: r.peerInbox, seq: answer.seq, ts: answer.ts, epoch: answer.epoch,
      epk: answer.epk };
    s.connection.publish(r.peerInbox, seal(ok, underKey)).then(() => s.service.run(async () => {
      if (s.record.rekeyAnswer === answer) s.answerUnsent = false;
    }), () => {});
  }

  /** After a connect: an answer that could not go out before goes now, under the key its rekey came under. */
  sendUnsentAnswer() {
    const s = this.s;
    const answer = s.record.rekeyAnswer;
    if (!s.answerUnsent || !answer) return;
    const previous = s.record.epochs.find((e) => e.epoch === answer.epoch - 1);
    if (previous) this.sendAnswer(answer, previous.key);
  }

  async rekeyOkArrived(ok, key) {
    const s = this.s;
    const r = s.record;
    const verdict = rekeyOkVerdict(r, ok, key);
    if (verdict === 'duplicate') {
      s.drop('duplicate');
    } else if (verdict === 'stale') {
      s.drop('stale-epoch');
    } else {
      const next = await deriveChatKey(r.rekeyOffer.privateKey, ok.epk, key);
      r.rekeyOffer = null; // the private key: no reference left, and gone from IndexedDB with the next put
      r.rekeyOkTaken = ok.id;
      s.outbox.done(REKEY);
      await this.switchTo(ok.epoch, next, Date.now());
    }
  }

  /** Sends under the new epoch key from now on; unacked messages are re-sealed under it when re-sent. */
  async switchTo(epoch, key, now) {
    const s = this.s;
    addEpoch(s.record, epoch, key, now);
    await s.persist();
    this.armKeyTimer();
    s.service.emit('chat-changed', s.snapshot());
  }

  /** Erases replaced keys whose grace has passed, from memory and from IndexedDB (the put replaces the record). */
  async eraseOldKeys() {
    if (eraseDueKeys(this.s.record, Date.now())) await this.s.persist();
    await this.rekeyIfDue();
  }

  /** One timer for the next key event: an old key's erasure or the epoch's age limit. */
  armKeyTimer() {
    const s = this.s;
    clearTimeout(s.keyTimer);
    s.keyTimer = null;
    if (s.record.phase !== 'active' || s.deleted || s.closed) return;
    // setTimeout holds at most 2^31-1 ms; a later event re-arms when this one fires
    const delay = Math.min(2 ** 31 - 1, Math.max(0, nextKeyEvent(s.record, s.timings) - Date.now()));
    s.keyTimer = setTimeout(() => s.service.run(async () => {
      s.keyTimer = null;
      if (s.deleted) return;
      await this.eraseOldKeys();
      this.armKeyTimer();
    }), delay);
  }
}
