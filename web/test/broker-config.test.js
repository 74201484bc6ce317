import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BrokerConfigError, credentialsFor, pageBroker } from '../src/js/broker-config.js';

const HOST = 'chat.example.org';
const BASE = 'https://chat.example.org/';
const CLUSTER = {
  wss: 'wss://chat.example.org:15676/mqtt', mqtts: 'mqtts://chat.example.org:8883',
  username: 'parley', password: 's3cret',
};

test('a cluster deployment names its broker and the login it needs', () => {
  assert.deepEqual(pageBroker(CLUSTER, HOST, BASE), {
    wss: CLUSTER.wss, mqtts: CLUSTER.mqtts, webBase: BASE, credentials: { username: 'parley', password: 's3cret' },
  });
});

test('a Mosquitto deployment needs no login', () => {
  const broker = pageBroker({ wss: 'wss://chat.example.org/mqtt' }, HOST, BASE);
  assert.equal(broker.credentials, null);
  assert.equal(credentialsFor(broker, 'wss://chat.example.org/mqtt'), null);
});

test('without parley.json the page host is the broker, without a login', () => {
  assert.deepEqual(pageBroker(null, HOST, BASE),
    { wss: 'wss://chat.example.org/mqtt', mqtts: null, webBase: BASE, credentials: null });
});

test('a username without a password is sent as such', () => {
  const broker = pageBroker({ wss: CLUSTER.wss, username: 'parley' }, HOST, BASE);
  assert.deepEqual(credentialsFor(broker, CLUSTER.wss), { username: 'parley', password: null });
});

test('the login goes to the page broker only, never to a broker an invite names', () => {
  const broker = pageBroker(CLUSTER, HOST, BASE);
  assert.deepEqual(credentialsFor(broker, CLUSTER.wss), { username: 'parley', password: 's3cret' });
  assert.deepEqual(credentialsFor(broker, 'WSS://Chat.Example.org:15676/mqtt'), broker.credentials,
    'the same address written differently');
  for (const other of ['wss://evil.example/mqtt', 'wss://chat.example.org:15677/mqtt',
    'wss://chat.example.org:15676/other', 'wss://chat.example.org.evil.example:15676/mqtt', 'not a url']) {
    assert.equal(credentialsFor(broker, other), null, other);
  }
});

const problems = {
  'password without username': { password: 'x' },
  'empty username': { username: '', password: 'x' },
  'username not a string': { username: 42, password: 'x' },
  'username too long': { username: 'u'.repeat(1025) },
  'password not a string': { username: 'parley', password: ['s3cret'] },
  'password too long': { username: 'parley', password: 'p'.repeat(1025) },
};

for (const [problem, fields] of Object.entries(problems)) {
  test(`refuses unusable credentials: ${problem}`, () => {
    assert.throws(() => pageBroker({ wss: CLUSTER.wss, ...fields }, HOST, BASE), (e) => {
      assert.ok(e instanceof BrokerConfigError);
      assert.match(e.message, /^\/parley\.json: "(username|password)"/);
      assert.ok(!e.message.includes('s3cret'), 'the message never shows the password');
      return true;
    });
  });
}
