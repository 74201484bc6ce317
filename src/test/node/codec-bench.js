'use strict';
// crypto-js 4.2.0 doing what Parley's PayloadCodec does, in messages per second, for scripts/bench.
// Input (stdin, one JSON object): {"warmupMs":N,"iterationMs":N,"iterations":N,"samples":[{"textBytes":200,
//   "key":"<K>","plaintextJson":"...","payload":"<envelope>"}]}
// Output (stdout, one JSON object): {"results":[{"textBytes":200,"seal":[msgs/s per iteration],"open":[...],
//   "rawEncryptMac":[...],"rawVerifyDecrypt":[...]}]}
const C = require('crypto-js');

const LABEL = 'parley-mac-v1';

// a sender: plaintext object -> JSON -> AES -> MAC -> envelope (the MAC key derived each time, as Parley does)
function seal(plaintext, key) {
  const ct = C.AES.encrypt(JSON.stringify(plaintext), key).toString();
  const mac = C.HmacSHA256(ct, C.HmacSHA256(LABEL, key)).toString();
  return JSON.stringify({ v: 1, ct: ct, mac: mac });
}

// a receiver: envelope -> verify MAC -> AES -> UTF-8 -> JSON object
function open(payload, key) {
  const envelope = JSON.parse(payload);
  if (envelope.v !== 1 || typeof envelope.ct !== 'string' || typeof envelope.mac !== 'string') throw new Error('bad envelope');
  const expected = C.HmacSHA256(envelope.ct, C.HmacSHA256(LABEL, key)).toString();
  if (!equalInConstantTime(expected, envelope.mac)) throw new Error('bad MAC');
  const plaintext = JSON.parse(C.AES.decrypt(envelope.ct, key).toString(C.enc.Utf8));
  if (plaintext.t !== 'msg' || typeof plaintext.text !== 'string') throw new Error('bad plaintext');
  return plaintext;
}

function equalInConstantTime(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// runs op until ms have passed; returns operations per second
function rate(op, ms) {
  const end = process.hrtime.bigint() + BigInt(ms) * 1000000n;
  const start = process.hrtime.bigint();
  let n = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 8; i++) op();
    n += 8;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

function measure(sample, config) {
  const key = sample.key;
  const plaintext = JSON.parse(sample.plaintextJson);
  const mk = C.HmacSHA256(LABEL, key);
  const ct = C.AES.encrypt(sample.plaintextJson, key).toString();
  const mac = C.HmacSHA256(ct, mk).toString();
  const ops = {
    seal: () => seal(plaintext, key),
    open: () => open(sample.payload, key),
    rawEncryptMac: () => C.HmacSHA256(C.AES.encrypt(sample.plaintextJson, key).toString(), mk).toString(),
    rawVerifyDecrypt: () => {
      if (!equalInConstantTime(C.HmacSHA256(ct, mk).toString(), mac)) throw new Error('bad MAC');
      return C.AES.decrypt(ct, key).toString(C.enc.Utf8);
    },
  };
  if (open(seal(plaintext, key), key).text !== plaintext.text) throw new Error('seal/open do not round-trip');
  if (open(sample.payload, key).text !== plaintext.text) throw new Error("Parley's payload does not open");
  const result = { textBytes: sample.textBytes };
  for (const [name, op] of Object.entries(ops)) {
    rate(op, config.warmupMs);
    result[name] = [];
    for (let i = 0; i < config.iterations; i++) result[name].push(rate(op, config.iterationMs));
  }
  return result;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const config = JSON.parse(input);
  const results = config.samples.map((s) => measure(s, config));
  process.stdout.write(JSON.stringify({ node: process.version, results: results }) + '\n');
});
