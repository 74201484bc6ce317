// The shared protocol scenarios (protocol-scenarios/README.md), run against the browser's state machine: a real
// ChatSession on the in-memory broker and store, a mocked clock (Date and setTimeout, so every time is fixed), each
// payload built from the plaintext the scenario names and sealed with real CryptoJS. The desktop runs the same files
// (parley.chat.ProtocolScenariosTest), so the two cannot drift apart unnoticed.
import './setup.js';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { mock, test } from 'node:test';
import { Accepted, mac, open } from '../src/js/envelope.js';
import { generateEphemeral } from '../src/js/keys.js';
import {
  currentEpoch, eraseDueKeys, nextKeyEvent, rekeyDue, rekeyOkVerdict, rekeyVerdict, startGrace,
} from '../src/js/rekey.js';
import { ChatSession } from '../src/js/session.js';
import { MemoryBroker, MemoryService } from './memory-broker.js';

const DIR = new URL('../../protocol-scenarios/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));
const FIXTURES = read('fixtures.json');
const START = Date.parse(FIXTURES.start);
const NAMES = Object.assign({}, FIXTURES.keys, FIXTURES.inboxes, FIXTURES.ids, FIXTURES.epks);
const FIXED = new Set(Object.values(NAMES));
/** service.js's STANDARD_TIMINGS (the desktop's ChatTimings.standard()); service.js itself needs the page's mqtt.js. */
const STANDARD_TIMINGS = {
  resendFirst: 5000, resendMax: 60000, ackBatch: 200, joinUnanswered: 30000, inviteValidity: 24 * 3600 * 1000,
  rekeyAfterMessages: 1000, rekeyAfterAge: 7 * 24 * 3600 * 1000, oldKeyGrace: 3600 * 1000, clockSkew: 5 * 60 * 1000,
};
/** What the runner lets pass after each payload, so that batched acks go out; nothing else falls due that soon. */
const SETTLE = 250;

/** `$name` becomes the fixture's value, everywhere in a JSON value. */
function resolve(v) {
  if (typeof v === 'string' && v.startsWith('$')) {
    assert.ok(v.slice(1) in NAMES, `no fixture ${v}`);
    return NAMES[v.slice(1)];
  }
  if (Array.isArray(v)) return v.map(resolve);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
  return v;
}

const at = (offset) => (offset === null || offset === undefined ? null : START + offset);
const epochsOf = (list) => list.map((e) => ({ epoch: e.epoch, key: e.key, since: at(e.since), eraseAt: at(e.eraseAt) }));

/** The chat record as the browser's store keeps it, from a scenario's chat state. */
async function recordOf(chat) {
  const c = resolve(chat);
  let handshake = null;
  let ephemeralPrivate = null;
  if (c.handshake) {
    const fresh = c.handshake.epk === '@fresh' ? await generateEphemeral() : null;
    handshake = { id: c.handshake.id, seq: c.handshake.seq, ts: c.handshake.ts, epk: fresh ? fresh.epk : c.handshake.epk,
      name: null };
    ephemeralPrivate = fresh ? fresh.privateKey : null;
  }
  return {
    id: 'scenario', name: 'scenario', inviter: c.inviter, phase: c.phase, created: START, expires: at(c.expires),
    lastActivity: null, unread: 0, wss: 'wss://memory', mqtts: null, ownInbox: c.own, peerInbox: c.peer ?? null,
    inviteKey: c.inviteKey, epochs: epochsOf(c.epochs ?? []), acceptedJoin: c.acceptedJoin ?? null,
    peerSeq: c.peerSeq ?? 0, sendSeq: c.sendSeq ?? 0, handshake, handshakeConfirmed: c.handshakeConfirmed ?? false,
    ephemeralPrivate, retiring: null, link: null,
    rekeyOffer: c.rekeyOffer ? { ...c.rekeyOffer, privateKey: null } : null, rekeyAnswer: c.rekeyAnswer ?? null,
    rekeyOkTaken: c.rekeyOkTaken ?? null, sentSinceRekey: c.sentSinceRekey ?? 0, safetyDigits: null, verified: false,
  };
}

/** The payload text a scenario describes: raw text, or its plaintext sealed under a key, then tampered with. */
function payloadOf(item) {
  if ('raw' in item) return item.raw;
  const key = resolve(item.under);
  const ct = globalThis.CryptoJS.AES.encrypt(JSON.stringify(resolve(item.plaintext)), key).toString();
  const envelope = { v: 1, ct, mac: mac(ct, key) };
  for (const [field, value] of Object.entries(item.envelope ?? {})) {
    if (value === '@flip') envelope[field] = envelope[field].slice(0, -1) + (envelope[field].endsWith('0') ? '1' : '0');
    else if (value === '@absent') delete envelope[field];
    else if (value !== '@recompute') envelope[field] = value;
  }
  if (item.envelope?.mac === '@recompute') envelope.mac = mac(envelope.ct, key);
  const text = JSON.stringify(envelope);
  // whitespace inside the object: still a valid envelope, only longer
  return item.padTo ? `${text.slice(0, -1)}${' '.repeat(item.padTo - text.length)}}` : text;
}

/** Lets the session's queue, the broker's deliveries and WebCrypto run until nothing moves any more. */
async function settle(service) {
  for (let quiet = 0; quiet < 3;) {
    const before = service.queue;
    await new Promise((r) => setImmediate(r));
    await service.queue;
    quiet = service.queue === before ? quiet + 1 : 0;
  }
}

/** Moves the mocked clock on in small steps, letting what falls due run at (about) its own time. */
async function advance(service, ms) {
  for (let left = ms; left > 0; left -= 1000) {
    mock.timers.tick(Math.min(1000, left));
    await settle(service);
  }
}

function opened(text, to, keys) {
  const result = open(new TextEncoder().encode(text), keys, to);
  assert.ok(result instanceof Accepted, `a sent payload that no known key opens (${result.reason})`);
  return { ...result.plaintext, under: result.key };
}

function matches(expected, actual, session, previous) {
  for (const [field, want] of Object.entries(expected)) {
    const got = actual[field];
    if (want === '@current') assert.equal(got, currentEpoch(session.record).key, `${field} is the current key`);
    else if (want === '@other') assert.ok(!FIXED.has(got), `${field} is none of the fixtures`);
    else if (want === '@previous') assert.equal(got, previous.get(actual.t), `${field} as in the ${actual.t} before`);
    else assert.deepEqual(got, resolve(want), `${actual.t}'s ${field}`);
  }
}

async function runScenario(file, scenario) {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: START });
  try {
    const broker = new MemoryBroker();
    const service = new MemoryService(broker, STANDARD_TIMINGS);
    const record = await recordOf({ ...file.chat, ...scenario.chat });
    const session = new ChatSession(service, record);
    await service.store.putChat(record);
    session.resume();
    await settle(service);
    const previous = new Map(); // t -> id of the last one sent
    for (const [n, step] of scenario.steps.entries()) {
      const where = `step ${n + 1}`;
      if (step.advance) await advance(service, step.advance);
      const sentBefore = broker.published.length;
      const eventsBefore = service.events.length;
      for (const item of [step.receive].flat().filter(Boolean)) {
        const text = payloadOf(item);
        const own = session.record.ownInbox;
        if (item.retained) broker.subscribers.get(own).listener.message(new TextEncoder().encode(text), true);
        else broker.enqueue(own, text);
      }
      let refused = null;
      if (step.command) {
        await service.run(() => (step.command === 'send' ? session.send(step.text) : session.startRekey()))
          .catch((error) => { refused = error.message; });
      }
      await settle(service);
      await advance(service, SETTLE);
      const drops = service.events.slice(eventsBefore).filter(([t]) => t === 'payload-dropped').map(([, , r]) => r);
      const e = step.expect;
      if (e.accepted) assert.deepEqual(drops, [], `${where}: nothing dropped`);
      if (e.drop) assert.deepEqual(drops, [e.drop], `${where}: dropped as`);
      if ('refused' in e) assert.equal(refused, e.refused, `${where}: refused with`);
      if (e.shown) assert.deepEqual(service.shown(), e.shown, `${where}: shown`);
      if (e.phase) assert.equal(session.record.phase, e.phase, `${where}: phase`);
      if (e.epochs) assert.deepEqual(session.record.epochs.map((x) => x.epoch).sort(), e.epochs, `${where}: epochs`);
      if ('rekeying' in e) assert.equal(!!session.record.rekeyOffer, e.rekeying, `${where}: rekeying`);
      const keys = [...new Set([...Object.values(FIXTURES.keys), ...session.record.epochs.map((x) => x.key)])];
      const sent = broker.published.slice(sentBefore).map((p) => opened(p.text, p.to, keys));
      if (e.sent) {
        assert.deepEqual(sent.map((p) => p.t), e.sent.map((p) => p.t), `${where}: what was sent`);
        e.sent.forEach((want, i) => matches(want, sent[i], session, previous));
      }
      for (const p of sent) previous.set(p.t, p.id);
    }
    session.close();
  } finally {
    mock.timers.reset();
  }
}

const SESSION_FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')
  && !['fixtures.json', 'drop-reasons.json', 'rekey-decisions.json', 'files.json'].includes(f));
for (const name of SESSION_FILES) {
  const file = read(name);
  for (const scenario of file.scenarios) test(`${name}: ${scenario.name}`, () => runScenario(file, scenario));
}

/** The pure decision's record: times as ms after the start, as the browser keeps them. */
function decisionRecord(file, c) {
  const r = resolve({ ...file.record, ...c.record });
  return { ...r, epochs: epochsOf(r.epochs) };
}

const DECISIONS = {
  rekeyVerdict: (r, c) => {
    const v = rekeyVerdict(r, resolve(c.rekey), resolve(c.under));
    return v.action === 'answer' && v.abandonOwn ? 'answer-abandoning-own' : v.action;
  },
  rekeyOkVerdict: (r, c) => rekeyOkVerdict(r, resolve(c.rekeyOk), resolve(c.under)),
  startGrace: (r, c) => {
    const changed = startGrace(r, resolve(c.under), at(c.eraseAt));
    return { changed, eraseAt: r.epochs.map((e) => (e.eraseAt === null ? null : e.eraseAt - START)) };
  },
  eraseDueKeys: (r, c) => {
    const changed = eraseDueKeys(r, at(c.at));
    return { changed, epochs: r.epochs.map((e) => e.epoch), rekeyAnswerKept: r.rekeyAnswer !== null };
  },
  rekeyDue: (r, c) => rekeyDue(r, at(c.at), STANDARD_TIMINGS),
  nextKeyEvent: (r) => nextKeyEvent(r, STANDARD_TIMINGS) - START,
};

const decisions = read('rekey-decisions.json');
for (const c of decisions.cases) {
  test(`rekey-decisions.json: ${c.name}`, () => {
    assert.ok(c.decision in DECISIONS, `no decision ${c.decision}`);
    assert.deepEqual(DECISIONS[c.decision](decisionRecord(decisions, c), c), c.expect);
  });
}

test('the browser drops payloads for exactly the reasons the scenarios list', () => {
  // every reason the browser counts is a literal at a drop('...') or new Rejected('...') in its sources
  const src = new URL('../src/js/', import.meta.url);
  const used = new Set();
  for (const f of readdirSync(src, { recursive: true }).filter((x) => x.endsWith('.js'))) {
    const text = readFileSync(new URL(f, src), 'utf8');
    for (const m of text.matchAll(/(?:\bdrop|new Rejected)\('([a-z0-9-]+)'/g)) used.add(m[1]);
  }
  assert.deepEqual([...used].sort(), [...read('drop-reasons.json').reasons].sort());
});
