// One chat's re-sends (docs/protocol.md section 6), as the desktop's Outbox: one back-off for messages, the
// handshake and our pending rekey, 5 s doubling to 60 s, and one timer for the earliest of them. State lives on the
// session (`resends`, `resendTimer`), which clears it on close.
import { seal } from './envelope.js';

/** The outbox id under which a handshake (join or welcome) is re-sent on the same back-off as messages. */
export const HANDSHAKE = 'handshake';
/** The outbox id under which our pending rekey is re-sent until its rekey-ok arrives. */
export const REKEY = 'rekey';

export class Outbox {
  constructor(session) {
    this.s = session;
  }

  schedule(id) {
    const s = this.s;
    const previous = s.resends.get(id);
    const attempt = previous ? previous.attempt + 1 : 1;
    const delay = Math.min(s.timings.resendMax, s.timings.resendFirst * 2 ** (attempt - 1));
    s.resends.set(id, { due: Date.now() + delay, attempt });
    this.armTimer();
  }

  /** Nothing more to re-send for `id`: its ack (or the handshake's or rekey's answer) came. */
  done(id) {
    this.s.resends.delete(id);
  }

  armTimer() {
    const s = this.s;
    clearTimeout(s.resendTimer);
    s.resendTimer = null;
    if (s.resends.size === 0 || s.deleted) return;
    const earliest = Math.min(...[...s.resends.values()].map((b) => b.due));
    s.resendTimer = setTimeout(() => s.service.run(() => this.resendDue(false)), Math.max(0, earliest - Date.now()));
  }

  /** Re-sends the handshake and every unacked message: all of them after a connect, else those due. */
  async resendDue(everything) {
    const s = this.s;
    if (s.deleted) return;
    const now = Date.now();
    const due = (id) => everything || !s.resends.has(id) || s.resends.get(id).due <= now;
    if (s.handshake.outstanding() && due(HANDSHAKE)) s.handshake.send();
    else if (!s.handshake.outstanding()) this.done(HANDSHAKE); // the join's lifetime ended
    if (s.record.rekeyOffer && due(REKEY)) s.rekeying.sendOffer();
    if (s.record.phase === 'active') {
      for (const m of await s.service.store.outbox(s.record.id)) {
        if (due(m.id)) {
          const msg = { t: 'msg', id: m.id, to: s.record.peerInbox, seq: m.seq, ts: m.ts, text: m.text, file: m.file };
          s.conversation.publishMessage(m.id, seal(msg, s.currentKey()));
        }
      }
    }
    this.armTimer();
  }
}
