// An invite's lifetime and the hostile welcomes a holder of the QR code can send (docs/protocol.md section 4,
// step 7), played through the in-memory broker against real ChatSessions: the joiner stops re-sending at the
// expiry and drops a late welcome; a welcome naming the joiner's own inbox is refused and the real one still
// works; an invite shows its link only once its inbox is subscribed.
import './setup.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { random256, randomId } from '../src/js/bytes.js';
import { Accepted, open, seal } from '../src/js/envelope.js';
import { generateEphemeral } from '../src/js/keys.js';
import { ChatSession } from '../src/js/session.js';
import { MemoryBroker, MemoryService } from './memory-broker.js';

const TIMINGS = {
  resendFirst: 50, resendMax: 100, ackBatch: 5, joinUnanswered: 30000, inviteValidity: 3600000,
  rekeyAfterMessages: 1000, rekeyAfterAge: 7 * 24 * 3600 * 1000, oldKeyGrace: 3600 * 1000, clockSkew: 100,
};

// a wait on state; the bound only ends a wait that is already wrong, so it is generous for a loaded machine
async function until(what, condition, ms = 60000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function base(fields) {
  return {
    id: randomId(), created: Date.now(), lastActivity: null, unread: 0, wss: 'wss://memory', mqtts: null,
    epochs: [], acceptedJoin: null, peerSeq: 0, sendSeq: 0, handshake: null, handshakeConfirmed: false,
    ephemeralPrivate: null, retiring: null, link: null, rekeyOffer: null, rekeyAnswer: null, rekeyOkTaken: null,
    sentSinceRekey: 0, safetyDigits: null, verified: false, name: 'x', ...fields,
  };
}

function start(broker, record) {
  const service = new MemoryService(broker, TIMINGS);
  const session = new ChatSession(service, record);
  service.store.putChat(record);
  session.resume();
  return session;
}

/** A joiner of the invite (inbox i, key k) that expires at `expires`, as ChatService.join makes it. */
async function joiner(broker, i, k, expires) {
  const ephemeral = await generateEphemeral();
  return start(broker, base({
    inviter: false, phase: 'joining', expires, ownInbox: random256(), peerInbox: i, inviteKey: k,
    ephemeralPrivate: ephemeral.privateKey, sendSeq: 1,
    handshake: { id: randomId(), seq: 1, ts: Date.now(), epk: ephemeral.epk, name: null },
  }));
}

const joinsTo = (broker, i, k) => broker.published.filter((p) => p.to === i)
  .map((p) => open(new TextEncoder().encode(p.text), [k], i))
  .filter((o) => o instanceof Accepted && o.plaintext.t === 'join');

async function welcome(to, naming) {
  const { epk } = await generateEphemeral();
  return { t: 'welcome', id: randomId(), to, seq: 1, ts: Date.now(), inbox: naming, epk, name: 'alice' };
}

test('after the expiry the join is not re-sent, and a late welcome is dropped as expired', async () => {
  const broker = new MemoryBroker();
  const i = random256();
  const k = random256();
  const bob = await joiner(broker, i, k, Date.now() + 300);
  await until('the join', () => joinsTo(broker, i, k).length > 0);
  await until('the join expired', () => bob.record.phase === 'expired');
  assert.equal(bob.record.ephemeralPrivate, null, 'the private key is dropped');
  const atExpiry = joinsTo(broker, i, k).length;
  await new Promise((r) => setTimeout(r, TIMINGS.resendMax * 4)); // four re-send caps: joins kept coming before
  assert.equal(joinsTo(broker, i, k).length, atExpiry, 'no join after the expiry');

  // Mallory, who photographed the QR code, connects as the retired invite inbox and welcomes Bob
  broker.enqueue(bob.record.ownInbox, seal(await welcome(bob.record.ownInbox, random256()), k));
  await until('the drop', () => bob.service.drops('expired') === 1);
  assert.equal(bob.record.phase, 'expired');
  assert.equal(bob.snapshot().dropsByReason.expired, 1);
  assert.ok(!bob.service.events.some(([t]) => t === 'chat-ready'));
  await assert.rejects(bob.send('hi'), /expired before your friend answered/);
  bob.close();
});

test('a welcome naming the joiner\'s own inbox (or the invite inbox) is refused; the real welcome still works',
  async () => {
    const broker = new MemoryBroker();
    const i = random256();
    const k = random256();
    const bob = await joiner(broker, i, k, Date.now() + 3600000);
    await until('the join', () => joinsTo(broker, i, k).length > 0);
    for (const hostile of [bob.record.ownInbox, i]) {
      broker.enqueue(bob.record.ownInbox, seal(await welcome(bob.record.ownInbox, hostile), k));
    }
    await until('both refused', () => bob.service.drops('wrong-inbox') === 2);
    assert.equal(bob.record.phase, 'joining');
    assert.notEqual(bob.record.ephemeralPrivate, null, 'the join can still be completed');

    // the real inviter now listens on i: Bob's queued and re-sent joins reach it, and its welcome completes the join
    const alice = start(broker, base({
      inviter: true, phase: 'invited', expires: Date.now() + 3600000, ownInbox: i, inviteKey: k,
    }));
    await until('both ready', () => bob.record.phase === 'active' && alice.record.phase === 'active');
    assert.equal(bob.record.peerInbox, alice.record.ownInbox);
    assert.equal(bob.record.safetyDigits, alice.record.safetyDigits);
    await bob.service.run(() => bob.send('it worked'));
    await until('the message', () => alice.service.shown().includes('it worked'));
    bob.close();
    alice.close();
  });

test('a join naming the invite inbox itself, or after the expiry, is not accepted', async () => {
  const broker = new MemoryBroker();
  const i = random256();
  const k = random256();
  const alice = start(broker, base({ inviter: true, phase: 'invited', expires: Date.now() + 3600000, ownInbox: i,
    inviteKey: k }));
  const { epk } = await generateEphemeral();
  broker.enqueue(i, seal({ t: 'join', id: randomId(), to: i, seq: 1, ts: Date.now(), inbox: i, epk }, k));
  await until('refused', () => alice.service.drops('wrong-inbox') === 1);
  assert.equal(alice.record.phase, 'invited');
  alice.record.expires = Date.now() - 1; // the invite's last moment passed while its timer had not fired yet
  broker.enqueue(i, seal({ t: 'join', id: randomId(), to: i, seq: 1, ts: Date.now(), inbox: random256(), epk }, k));
  await until('dropped', () => alice.service.drops('expired') === 1);
  assert.equal(alice.record.phase, 'invited');
  alice.close();
});

test('an invite has no link until its inbox is subscribed, then says it is live', async () => {
  const broker = new MemoryBroker();
  const alice = new ChatSession(new MemoryService(broker, TIMINGS), base({
    inviter: true, phase: 'invited', expires: Date.now() + 3600000, ownInbox: random256(), inviteKey: random256(),
    link: 'https://example.org/#parley=1',
  }));
  alice.resume();
  assert.equal(alice.snapshot().link, null, 'not before the subscription');
  assert.equal(alice.snapshot().live, false);
  await until('live', () => alice.service.events.some(([t]) => t === 'invite-live'));
  assert.equal(alice.snapshot().link, 'https://example.org/#parley=1');
  alice.close();
});
