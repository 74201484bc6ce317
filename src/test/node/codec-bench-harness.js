'use strict';
// The measuring half of the node codec benchmarks (codec-bench.js: crypto-js; codec-bench-openssl.js: node's
// OpenSSL-backed crypto module), so both are timed the same way for scripts/bench.
// Input (stdin, one JSON object): {"warmupMs":N,"iterationMs":N,"iterations":N,"samples":[{"textBytes":200,
//   "key":"<K>","plaintextJson":"...","payload":"<envelope>"}]}
// Output (stdout, one JSON object): {"results":[{"textBytes":200,"seal":[msgs/s per iteration],"open":[...],
//   "rawEncryptMac":[...],"rawVerifyDecrypt":[...]}]}
// An implementation is {seal(plaintext, key), open(payload, key), rawOps(sample) -> {rawEncryptMac, rawVerifyDecrypt}}.

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

function measure(impl, sample, config) {
  const key = sample.key;
  const plaintext = JSON.parse(sample.plaintextJson);
  const ops = {
    seal: () => impl.seal(plaintext, key),
    open: () => impl.open(sample.payload, key),
    ...impl.rawOps(sample),
  };
  if (impl.open(impl.seal(plaintext, key), key).text !== plaintext.text) throw new Error('seal/open do not round-trip');
  if (impl.open(sample.payload, key).text !== plaintext.text) throw new Error("Parley's payload does not open");
  const result = { textBytes: sample.textBytes };
  for (const [name, op] of Object.entries(ops)) {
    rate(op, config.warmupMs);
    result[name] = [];
    for (let i = 0; i < config.iterations; i++) result[name].push(rate(op, config.iterationMs));
  }
  return result;
}

function run(impl) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', () => {
    const config = JSON.parse(input);
    const results = config.samples.map((s) => measure(impl, s, config));
    process.stdout.write(JSON.stringify({ node: process.version, results: results }) + '\n');
  });
}

module.exports = { run, equalInConstantTime };
