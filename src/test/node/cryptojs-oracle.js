'use strict';
// Answers Parley's interop tests with real crypto-js (3.1.2 and 4.2.0) and node's own crypto.
// Protocol: one JSON request per line on stdin, one JSON answer per line on stdout:
//   {"ok":true,"result":...} or {"ok":false,"error":"..."}.
// `node cryptojs-oracle.js --vectors` prints the committed crypto-js 4.2.0 test vectors instead.
const readline = require('readline');
const crypto = require('crypto');
const libs = { '3': require('crypto-js-3'), '4': require('crypto-js') };

function lib(name) {
  const cryptoJs = libs[name];
  if (!cryptoJs) throw new Error('unknown crypto-js version ' + name);
  return cryptoJs;
}

// CryptoJS.AES.encrypt(text, pass).toString(); with saltHex, the same under that salt.
function encrypt(r) {
  const C = lib(r.lib);
  if (r.saltHex === undefined) return C.AES.encrypt(r.text, r.pass).toString();
  const salt = C.enc.Hex.parse(r.saltHex);
  if (r.lib === '4') return C.AES.encrypt(r.text, r.pass, { salt: salt }).toString();
  // 3.1.2 cannot take a salt: run its own OpenSSL KDF and cipher by hand, as its AES.encrypt does inside
  const derived = C.kdf.OpenSSL.execute(r.pass, 256 / 32, 128 / 32, salt);
  const encrypted = C.AES.encrypt(r.text, derived.key, { iv: derived.iv });
  return C.format.OpenSSL.stringify(C.lib.CipherParams.create({ ciphertext: encrypted.ciphertext, salt: derived.salt }));
}

function decrypt(r) {
  const C = lib(r.lib);
  return C.AES.decrypt(r.ct, r.pass).toString(C.enc.Utf8);
}

function mac(C, ct, key) {
  return C.HmacSHA256(ct, C.HmacSHA256('parley-mac-v1', key)).toString();
}

function b64url(buf) {
  return Buffer.from(buf).toString('base64url');
}

// The safety code of docs/protocol.md section 5, computed with BigInt.
function safety(r) {
  const [lo, hi] = [r.a, r.b].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const s = crypto.createHmac('sha256', Buffer.from(r.key, 'utf8')).update('parley-safety-v1|' + lo + '|' + hi).digest();
  const n = BigInt('0x' + s.subarray(0, 9).toString('hex')) % 10n ** 20n;
  return n.toString().padStart(20, '0');
}

function seal(r) {
  const C = lib(r.lib);
  const ct = C.AES.encrypt(JSON.stringify(r.plaintext), r.key).toString();
  return JSON.stringify({ v: 1, ct: ct, mac: mac(C, ct, r.key) });
}

function open(r) {
  const C = lib(r.lib);
  const envelope = JSON.parse(r.payload);
  if (envelope.v !== 1) throw new Error('bad version');
  if (mac(C, envelope.ct, r.key) !== envelope.mac) throw new Error('bad mac');
  return JSON.parse(C.AES.decrypt(envelope.ct, r.key).toString(C.enc.Utf8));
}

const ops = {
  encrypt: encrypt,
  decrypt: decrypt,
  mac: (r) => mac(lib(r.lib), r.ct, r.key),
  safety: safety,
  seal: seal,
  open: open,
  // A fresh node P-256 pair: its public point and the PKCS#8 of its private key, both base64url.
  ecdhPair: () => {
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const jwk = {
      kty: 'EC', crv: 'P-256', d: b64url(ecdh.getPrivateKey()),
      x: b64url(ecdh.getPublicKey().subarray(1, 33)), y: b64url(ecdh.getPublicKey().subarray(33, 65)),
    };
    const pkcs8 = crypto.createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'der' });
    return { epk: b64url(ecdh.getPublicKey()), priv: b64url(ecdh.getPrivateKey()), pkcs8: b64url(pkcs8) };
  },
  // docs/protocol.md section 4 with node: base64url(hkdfSync(sha256, ECDH x, UTF-8(previous), info, 32)).
  deriveChatKey: (r) => {
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(r.priv, 'base64url'));
    const z = ecdh.computeSecret(Buffer.from(r.peerEpk, 'base64url'));
    return b64url(crypto.hkdfSync('sha256', z, Buffer.from(r.previous, 'utf8'), Buffer.from('parley-chat-key-v1'), 32));
  },
};

function vectors() {
  const C = libs['4'];
  const cases = [
    ['', 'ZRBN3f2Y9dKqPr-hiwvZ0g8ntfi2v7oHbYlWqm0yvZk'],
    ['hello', 'ZRBN3f2Y9dKqPr-hiwvZ0g8ntfi2v7oHbYlWqm0yvZk'],
    ['exactly sixteen!', 'v1f7cCo6yDKOGhSHhcTsCR7LvJwZC4DbWOJ4Rr3Kh00'],
    ['Grüße, 世界 👋🏽', 'v1f7cCo6yDKOGhSHhcTsCR7LvJwZC4DbWOJ4Rr3Kh00'],
    ['{"t":"msg","text":"a\\nb"}', 'pässwörd ✓'],
    ['x'.repeat(1000), 'correct horse battery staple'],
  ];
  return cases.map(([text, pass]) => {
    const ct = C.AES.encrypt(text, pass).toString();
    return { passphrase: pass, plaintext: text, ct: ct, mac: mac(C, ct, pass) };
  });
}

if (process.argv[2] === '--vectors') {
  process.stdout.write(JSON.stringify({
    generator: 'crypto-js 4.2.0 via src/test/node/cryptojs-oracle.js --vectors',
    note: 'public test data: ct = CryptoJS.AES.encrypt(plaintext, passphrase).toString(); '
      + 'mac = HmacSHA256(ct, HmacSHA256("parley-mac-v1", passphrase)).toString()',
    vectors: vectors(),
  }, null, 2) + '\n');
} else {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let answer;
    try {
      const request = JSON.parse(line);
      const op = ops[request.op];
      if (!op) throw new Error('unknown op ' + request.op);
      answer = { ok: true, result: op(request) };
    } catch (e) {
      answer = { ok: false, error: String(e && e.message ? e.message : e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
}
