// What the faces see of one chat, as the desktop's ChatSnapshots: a plain copy, taken on the service's queue, that
// holds no key (only the safety code's digits) and can be kept or sent to the page freely.
import { currentEpoch } from './rekey.js';

/** The snapshot of `record`, with what the session knows beyond it: the connection, the drop counts, liveness. */
export function chatSnapshot(record, { connectionState, drops, live }) {
  const r = record;
  return {
    id: r.id, name: r.name, phase: r.phase, inviter: r.inviter, created: r.created, expires: r.expires,
    lastActivity: r.lastActivity, unread: r.unread, connection: { ...connectionState },
    drops: Object.values(drops).reduce((a, b) => a + b, 0), dropsByReason: { ...drops },
    link: r.phase === 'invited' && live ? r.link : null, live,
    verified: r.verified === true, safetyDigits: r.safetyDigits ?? null,
    epoch: r.epochs.length ? currentEpoch(r).epoch : 0, epochSince: r.epochs.length ? currentEpoch(r).since : null,
    rekeying: !!r.rekeyOffer,
  };
}
