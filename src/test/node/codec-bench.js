'use strict';
// crypto-js 4.2.0 doing what Parley's PayloadCodec does, in messages per second, for scripts/bench
// (input and output: codec-bench-harness.js).
const C = require('crypto-js');
const { run, equalInConstantTime } = require('./codec-bench-harness');

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

function rawOps(sample) {
  const key = sample.key;
  const mk = C.HmacSHA256(LABEL, key);
  const ct = C.AES.encrypt(sample.plaintextJson, key).toString();
  const mac = C.HmacSHA256(ct, mk).toString();
  return {
    rawEncryptMac: () => C.HmacSHA256(C.AES.encrypt(sample.plaintextJson, key).toString(), mk).toString(),
    rawVerifyDecrypt: () => {
      if (!equalInConstantTime(C.HmacSHA256(ct, mk).toString(), mac)) throw new Error('bad MAC');
      return C.AES.decrypt(ct, key).toString(C.enc.Utf8);
    },
  };
}

run({ seal, open, rawOps });
