// The rekey state machine (docs/protocol.md section 5, mirroring the desktop's ChatSession): its decisions one by one,
// then two real ChatSessions talking through an in-memory broker.
import './setup.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random256, randomId } from '../src/js/bytes.js';
import { seal } from '../src/js/envelope.js';
import { generateEphemeral } from '../src/js/keys.js';
import {
  currentEpoch, eraseDueKeys, nextKeyEvent, rekeyDue, rekeyOkVerdict, rekeyVerdict, startGrace,
} from '../src/js/rekey.js';
import { MemoryBroker, agreedPair } from './memory-broker.js';

const TIMINGS = {
  resendFirst: 200, resendMax: 800, ackBatch: 5, joinUnanswered: 30000, inviteValidity: 3600000,
  rekeyAfterMessages: 1000, rekeyAfterAge: 7 * 24 * 3600 * 1000, oldKeyGrace: 3600 * 1000,
};
const K0 = random256();
const K1 = random256();

function record(fields = {}) {
  return {
    phase: 'active', epochs: [{ epoch: 0, key: K0, since: 1000, eraseAt: null }], rekeyOffer: null,
    rekeyAnswer: null, rekeyOkTaken: null, sentSinceRekey: 0, ...fields,
  };
}
const rekey = (epoch, epk = 'B'.repeat(87), id = randomId()) => ({ t: 'rekey', id, epoch, epk });

test('a rekey for the next epoch under the current key is answered', () => {
  assert.deepEqual(rekeyVerdict(record(), rekey(1), K0), { action: 'answer', abandonOwn: false });
});

test('a rekey for another epoch, or under an older key, is stale', () => {
  assert.equal(rekeyVerdict(record(), rekey(2), K0).action, 'stale');
  assert.equal(rekeyVerdict(record(), rekey(0), K0).action, 'stale');
  const r = record({ epochs: [{ epoch: 0, key: K0, since: 1, eraseAt: null }, { epoch: 1, key: K1, since: 2, eraseAt: null }] });
  assert.equal(rekeyVerdict(r, rekey(2), K0).action, 'stale', 'under a replaced key');
  assert.equal(rekeyVerdict(r, rekey(2), K1).action, 'answer');
});

test('a copy of the rekey we answered gets the same answer, even under the old key', () => {
  const id = randomId();
  const r = record({
    epochs: [{ epoch: 0, key: K0, since: 1, eraseAt: null }, { epoch: 1, key: K1, since: 2, eraseAt: null }],
    rekeyAnswer: { rekeyId: id, id: randomId(), seq: 5, ts: 1, epoch: 1, epk: 'x' },
  });
  assert.equal(rekeyVerdict(r, rekey(1, 'B'.repeat(87), id), K0).action, 'repeat');
});

test('simultaneous rekeys: the smaller epk wins on both sides', () => {
  const small = `A${'x'.repeat(86)}`;
  const large = `B${'x'.repeat(86)}`;
  const mine = (epk) => record({ rekeyOffer: { id: randomId(), seq: 2, ts: 1, epoch: 1, epk } });
  assert.equal(rekeyVerdict(mine(small), rekey(1, large), K0).action, 'stale', 'ours is smaller: theirs is dropped');
  assert.deepEqual(rekeyVerdict(mine(large), rekey(1, small), K0), { action: 'answer', abandonOwn: true });
});

test('a rekey-ok switches only for our pending epoch under the current key; copies are duplicates', () => {
  const offer = { id: randomId(), seq: 2, ts: 1, epoch: 1, epk: 'x' };
  assert.equal(rekeyOkVerdict(record({ rekeyOffer: offer }), { id: randomId(), epoch: 1 }, K0), 'switch');
  assert.equal(rekeyOkVerdict(record({ rekeyOffer: offer }), { id: randomId(), epoch: 2 }, K0), 'stale');
  assert.equal(rekeyOkVerdict(record({ rekeyOffer: offer }), { id: randomId(), epoch: 1 }, K1), 'stale');
  assert.equal(rekeyOkVerdict(record(), { id: randomId(), epoch: 1 }, K0), 'stale', 'nothing pending');
  const taken = randomId();
  assert.equal(rekeyOkVerdict(record({ rekeyOkTaken: taken }), { id: taken, epoch: 1 }, K0), 'duplicate');
});

test('the grace of old keys starts with the first payload under a newer key, once', () => {
  const r = record({ epochs: [{ epoch: 0, key: K0, since: 1, eraseAt: null }, { epoch: 1, key: K1, since: 2, eraseAt: null }] });
  assert.equal(startGrace(r, K0, 500), false, 'the peer still on the old key starts nothing');
  assert.equal(startGrace(r, K1, 500), true);
  assert.equal(startGrace(r, K1, 900), false, 'a later payload does not push the erasure back');
  assert.deepEqual(r.epochs.map((e) => e.eraseAt), [500, null]);
  assert.equal(nextKeyEvent(r, TIMINGS), 500);
  assert.equal(eraseDueKeys(r, 499), false);
  assert.equal(eraseDueKeys(r, 500), true);
  assert.deepEqual(r.epochs.map((e) => e.key), [K1], 'the old key is gone from the record');
});

test('erasing the key a remembered answer came under forgets the answer', () => {
  const r = record({
    epochs: [{ epoch: 0, key: K0, since: 1, eraseAt: 10 }, { epoch: 1, key: K1, since: 2, eraseAt: null }],
    rekeyAnswer: { rekeyId: randomId(), id: randomId(), seq: 3, ts: 1, epoch: 1, epk: 'x' },
  });
  eraseDueKeys(r, 10);
  assert.equal(r.rekeyAnswer, null);
});

test('an automatic rekey is due after 1,000 messages sent or 7 days, never twice at once', () => {
  assert.equal(rekeyDue(record({ sentSinceRekey: 999 }), 2000, TIMINGS), false);
  assert.equal(rekeyDue(record({ sentSinceRekey: 1000 }), 2000, TIMINGS), true);
  assert.equal(rekeyDue(record(), 1000 + TIMINGS.rekeyAfterAge - 1, TIMINGS), false);
  assert.equal(rekeyDue(record(), 1000 + TIMINGS.rekeyAfterAge, TIMINGS), true);
  assert.equal(rekeyDue(record({ sentSinceRekey: 5000, rekeyOffer: {} }), 2000, TIMINGS), false);
});

// ---- two sessions ----

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

// a wait on state; the bound only ends a wait that is already wrong, so it is generous for a loaded machine
async function until(what, condition, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return;
    await settle(10);
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function pair(timings = TIMINGS) {
  const broker = new MemoryBroker();
  const [a, b] = agreedPair(broker, timings, random256(), random256(), random256());
  await until('both online', () => a.connectionState.status === 'online' && b.connectionState.status === 'online');
  return { broker, a, b };
}

const run = (s, work) => s.service.run(() => work(s));
const epochs = (s) => s.record.epochs.map((e) => e.epoch);

test('a rekey in the middle of a two-way exchange: nothing lost, nothing twice, both on epoch 1', async () => {
  const { a, b } = await pair();
  try {
    const sent = { a: [], b: [] };
    for (let i = 0; i < 200; i++) {
      if (i === 100) await run(a, (s) => s.startRekey());
      sent.a.push(`a${i}`);
      sent.b.push(`b${i}`);
      await run(a, (s) => s.send(`a${i}`));
      await run(b, (s) => s.send(`b${i}`));
    }
    await until('all delivered', () => b.service.shown().length === 200 && a.service.shown().length === 200);
    await settle(50);
    assert.deepEqual(b.service.shown(), sent.a);
    assert.deepEqual(a.service.shown(), sent.b);
    assert.equal(currentEpoch(a.record).epoch, 1);
    assert.equal(currentEpoch(b.record).epoch, 1);
    assert.equal(currentEpoch(a.record).key, currentEpoch(b.record).key, 'both derived the same key');
    assert.equal(a.record.rekeyOffer, null, "the initiator's private key is gone");
    assert.equal(a.service.drops('stale-epoch') + b.service.drops('stale-epoch'), 0);
    await until('all acked', async () => (await a.service.store.outbox(a.record.id)).length === 0
      && (await b.service.store.outbox(b.record.id)).length === 0);
  } finally {
    a.close();
    b.close();
  }
});

test('simultaneous rekeys resolve to one new epoch; the loser answers, the winner drops the other', async () => {
  const { a, b } = await pair();
  try {
    await Promise.all([run(a, (s) => s.startRekey()), run(b, (s) => s.startRekey())]);
    await until('both on epoch 1', () => currentEpoch(a.record).epoch === 1 && currentEpoch(b.record).epoch === 1);
    await settle(100);
    assert.deepEqual(epochs(a), [0, 1]);
    assert.deepEqual(epochs(b), [0, 1]);
    assert.equal(currentEpoch(a.record).key, currentEpoch(b.record).key);
    assert.equal(a.record.rekeyOffer, null);
    assert.equal(b.record.rekeyOffer, null);
    assert.equal(a.service.drops('stale-epoch') + b.service.drops('stale-epoch'), 1, "the loser's rekey is dropped");
    await run(a, (s) => s.send('after'));
    await until('message under epoch 1', () => b.service.shown().includes('after'));
  } finally {
    a.close();
    b.close();
  }
});

test('a replayed rekey, a rekey under a wrong key and a repeated rekey-ok are dropped and counted', async () => {
  const { broker, a, b } = await pair();
  try {
    await run(a, (s) => s.startRekey());
    await until('epoch 1', () => currentEpoch(a.record).epoch === 1 && currentEpoch(b.record).epoch === 1);
    // nothing else was sent to b: its first payload is the rekey
    const oldRekey = broker.published.find((p) => p.to === b.record.ownInbox);
    // the rekey itself replayed: a copy gets the same answer, which the initiator counts as a duplicate
    broker.enqueue(oldRekey.to, oldRekey.text);
    await until('duplicate rekey-ok', () => a.service.drops('duplicate') === 1);
    assert.deepEqual(epochs(b), [0, 1], 'a copy does not rekey again');
    // a rekey for epoch 1 again, but new (another id), under the old key: stale
    const eph = await generateEphemeral();
    const stale = { t: 'rekey', id: randomId(), to: b.record.ownInbox, seq: 99, ts: 1, epoch: 1, epk: eph.epk };
    broker.enqueue(b.record.ownInbox, seal(stale, b.record.epochs[0].key));
    // and one under a key that is none of this chat's: a bad MAC
    broker.enqueue(b.record.ownInbox, seal({ ...stale, id: randomId(), epoch: 2 }, random256()));
    await until('stale and bad-mac counted', () => b.service.drops('stale-epoch') === 1 && b.service.drops('bad-mac') === 1);
    assert.deepEqual(epochs(b), [0, 1]);
  } finally {
    a.close();
    b.close();
  }
});

test('old keys are erased after the grace once the peer used the new one; history stays', async () => {
  const { a, b } = await pair({ ...TIMINGS, oldKeyGrace: 150 });
  try {
    await run(a, (s) => s.send('before'));
    await until('before', () => b.service.shown().includes('before'));
    const oldKey = a.record.epochs[0].key;
    await run(a, (s) => s.startRekey());
    await until('epoch 1', () => currentEpoch(a.record).epoch === 1 && currentEpoch(b.record).epoch === 1);
    await run(a, (s) => s.send('after a'));
    await run(b, (s) => s.send('after b'));
    await until('old key erased on both sides', () => a.record.epochs.length === 1 && b.record.epochs.length === 1);
    for (const s of [a, b]) {
      assert.deepEqual(epochs(s), [1]);
      const stored = (await s.service.store.chats())[0];
      assert.ok(!JSON.stringify(stored, (k, v) => (v instanceof CryptoKey ? null : v)).includes(oldKey),
        'the stored record no longer holds the old key');
    }
    assert.deepEqual(b.service.shown(), ['before', 'after a']);
  } finally {
    a.close();
    b.close();
  }
});

test('the automatic rekey starts after rekeyAfterMessages sent', async () => {
  const { a, b } = await pair({ ...TIMINGS, rekeyAfterMessages: 5 });
  try {
    for (let i = 0; i < 5; i++) await run(a, (s) => s.send(`m${i}`));
    await until('epoch 1', () => currentEpoch(a.record).epoch === 1 && currentEpoch(b.record).epoch === 1);
    assert.equal(a.record.sentSinceRekey, 0);
    assert.equal(b.record.sentSinceRekey, 0, 'answering counts as a rekey');
  } finally {
    a.close();
    b.close();
  }
});
