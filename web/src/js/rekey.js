// The rekeying decisions of docs/protocol.md section 5, as the desktop's ChatSession takes them, kept free of I/O so
// that node tests can walk through every case. `record` is a chat record as the store keeps it:
//   epochs:      [{epoch, key, since, eraseAt (ms or null)}], epoch 0 the key of the join
//   rekeyOffer:  our pending rekey {id, seq, ts, epoch, epk, privateKey (CryptoKey)} until its rekey-ok, or null
//   rekeyAnswer: the last rekey we answered {rekeyId, id, seq, ts, epoch, epk}, so its copies get the same answer
//   rekeyOkTaken: the id of the last rekey-ok we took, so its copies are recognised
//   sentSinceRekey: messages sent since the last rekey this side started or answered

/** The epoch entry in use: the highest epoch. */
export function currentEpoch(record) {
  let best = null;
  for (const e of record.epochs) if (best === null || e.epoch > best.epoch) best = e;
  return best;
}

export function epochOfKey(record, key) {
  return record.epochs.find((e) => e.key === key) ?? null;
}

/**
 * What to do with an authenticated `rekey` that came under `key`:
 *   'repeat'  a copy of the rekey we answered: the same rekey-ok again, under the key it came under;
 *   'stale'   another epoch, not under the current key, or a simultaneous rekey that ours wins (smaller epk):
 *             dropped as `stale-epoch`;
 *   'answer'  derive the next key and answer; `abandonOwn` when ours lost the tie-break.
 */
export function rekeyVerdict(record, rekey, key) {
  if (record.rekeyAnswer && record.rekeyAnswer.rekeyId === rekey.id) return { action: 'repeat' };
  const current = currentEpoch(record);
  if (rekey.epoch !== current.epoch + 1 || key !== current.key) return { action: 'stale' };
  const ours = record.rekeyOffer;
  if (ours && ours.epoch === rekey.epoch) {
    // both started: the smaller public key wins (ordinal order; base64url is ASCII)
    if (ours.epk < rekey.epk) return { action: 'stale' };
    return { action: 'answer', abandonOwn: true };
  }
  return { action: 'answer', abandonOwn: false };
}

/**
 * What to do with an authenticated `rekey-ok` under `key`: 'switch' (it answers our pending rekey, under the
 * current key), 'duplicate' (a copy of one we took) or 'stale' (anything else).
 */
export function rekeyOkVerdict(record, ok, key) {
  const offer = record.rekeyOffer;
  if (offer && offer.epoch === ok.epoch && key === currentEpoch(record).key) return 'switch';
  if (record.rekeyOkTaken === ok.id) return 'duplicate';
  return 'stale';
}

/**
 * The peer sent under `key`: every older epoch key starts its grace and is erased at `eraseAt`. True when any
 * entry changed.
 */
export function startGrace(record, key, eraseAt) {
  const used = epochOfKey(record, key)?.epoch ?? -1;
  let changed = false;
  record.epochs = record.epochs.map((e) => {
    if (e.epoch < used && (e.eraseAt ?? null) === null) {
      changed = true;
      return { ...e, eraseAt };
    }
    return e;
  });
  return changed;
}

/**
 * Drops every epoch key whose grace has passed at `now`, and the remembered answer whose key went with it (copies
 * of that rekey can no longer be read). True when a key was dropped: the caller persists the record, which
 * replaces the stored copy.
 */
export function eraseDueKeys(record, now) {
  const kept = record.epochs.filter((e) => e.eraseAt === null || e.eraseAt === undefined || e.eraseAt > now);
  if (kept.length === record.epochs.length) return false;
  record.epochs = kept;
  const oldest = Math.min(...kept.map((e) => e.epoch));
  if (record.rekeyAnswer && record.rekeyAnswer.epoch - 1 < oldest) record.rekeyAnswer = null;
  return true;
}

/** Whether this side should start a rekey now: 1,000 messages sent since the last one, or the epoch is 7 days old. */
export function rekeyDue(record, now, timings) {
  if (record.phase !== 'active' || record.rekeyOffer) return false;
  const old = currentEpoch(record).since + timings.rekeyAfterAge <= now;
  return (record.sentSinceRekey ?? 0) >= timings.rekeyAfterMessages || old;
}

/** When the next key event is due (an old key's erasure or the epoch's age limit), in ms since the epoch. */
export function nextKeyEvent(record, timings) {
  let next = currentEpoch(record).since + timings.rekeyAfterAge;
  for (const e of record.epochs) if (e.eraseAt !== null && e.eraseAt !== undefined && e.eraseAt < next) next = e.eraseAt;
  return next;
}

/** Makes the next epoch current: the count towards the automatic rekey starts again. */
export function addEpoch(record, epoch, key, now) {
  record.epochs = [...record.epochs, { epoch, key, since: now, eraseAt: null }];
  record.sentSinceRekey = 0;
}
