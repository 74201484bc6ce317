'use strict';
// Parley's payload format on node's own crypto module (OpenSSL): EVP_BytesToKey(MD5) + AES-256-CBC in the
// CryptoJS "Salted__" layout, and the same HMAC-SHA256 envelope, in messages per second, for scripts/bench: the
// native floor beside crypto-js (input and output: codec-bench-harness.js). Strict where Parley is: canonical
// base64 and hex, the salt header, fatal UTF-8.
const crypto = require('crypto');
const { run } = require('./codec-bench-harness');

const LABEL = 'parley-mac-v1';
const MAGIC = Buffer.from('Salted__', 'latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

// OpenSSL's EVP_BytesToKey(MD5, 1 round) as CryptoJS does it: 48 bytes of key || IV
function keyAndIv(passphrase, salt) {
  const blocks = [];
  let previous = Buffer.alloc(0);
  for (let filled = 0; filled < 48; filled += 16) {
    previous = crypto.createHash('md5').update(previous).update(passphrase).update(salt).digest();
    blocks.push(previous);
  }
  const out = Buffer.concat(blocks);
  return { key: out.subarray(0, 32), iv: out.subarray(32, 48) };
}

function encrypt(text, passphrase) {
  const salt = crypto.randomBytes(8);
  const { key, iv } = keyAndIv(Buffer.from(passphrase, 'utf8'), salt);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([MAGIC, salt, cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

function decrypt(ct, passphrase) {
  const raw = Buffer.from(ct, 'base64');
  if (raw.toString('base64') !== ct) throw new Error('not canonical base64');
  if (raw.length < 32 || (raw.length - 16) % 16 !== 0 || !raw.subarray(0, 8).equals(MAGIC)) throw new Error('bad header');
  const { key, iv } = keyAndIv(Buffer.from(passphrase, 'utf8'), raw.subarray(8, 16));
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return utf8.decode(Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]));
}

function macKey(passphrase) {
  return crypto.createHmac('sha256', passphrase).update(LABEL).digest();
}

function mac(ct, mk) {
  return crypto.createHmac('sha256', mk).update(ct, 'utf8').digest();
}

function verifies(ct, macHex, mk) {
  if (!/^[0-9a-f]{64}$/.test(macHex)) return false;
  return crypto.timingSafeEqual(mac(ct, mk), Buffer.from(macHex, 'hex'));
}

// a sender: plaintext object -> JSON -> AES -> MAC -> envelope (the MAC key derived each time, as Parley does)
function seal(plaintext, key) {
  const ct = encrypt(JSON.stringify(plaintext), key);
  return JSON.stringify({ v: 1, ct: ct, mac: mac(ct, macKey(key)).toString('hex') });
}

// a receiver: envelope -> verify MAC -> AES -> UTF-8 -> JSON object
function open(payload, key) {
  const envelope = JSON.parse(payload);
  if (envelope.v !== 1 || typeof envelope.ct !== 'string' || typeof envelope.mac !== 'string') throw new Error('bad envelope');
  if (!verifies(envelope.ct, envelope.mac, macKey(key))) throw new Error('bad MAC');
  const plaintext = JSON.parse(decrypt(envelope.ct, key));
  if (plaintext.t !== 'msg' || typeof plaintext.text !== 'string') throw new Error('bad plaintext');
  return plaintext;
}

function rawOps(sample) {
  const key = sample.key;
  const mk = macKey(key);
  const ct = encrypt(sample.plaintextJson, key);
  const macHex = mac(ct, mk).toString('hex');
  return {
    rawEncryptMac: () => mac(encrypt(sample.plaintextJson, key), mk).toString('hex'),
    rawVerifyDecrypt: () => {
      if (!verifies(ct, macHex, mk)) throw new Error('bad MAC');
      return decrypt(ct, key);
    },
  };
}

run({ seal, open, rawOps });
