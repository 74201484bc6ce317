// The `epk` rule (docs/protocol.md section 5): canonical base64url of exactly 65 bytes, 0x04 first, on P-256.
// Checked here, synchronously, before WebCrypto ever sees the point: an invalid point fed to ECDH can leak the key.
import { fromBase64url } from './bytes.js';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

function toBigInt(bytes) {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** The 65 point bytes of a valid `epk`, or throws an Error naming `epk`. */
export function checkedPoint(epk) {
  const bytes = fromBase64url('epk', epk, 65);
  if (bytes[0] !== 0x04) throw new Error('epk must be an uncompressed point (first byte 0x04)');
  const x = toBigInt(bytes.subarray(1, 33));
  const y = toBigInt(bytes.subarray(33, 65));
  if (x >= P || y >= P) throw new Error('epk is not a point on P-256');
  const left = (y * y) % P;
  const right = (((x * x % P) * x - 3n * x + B) % P + P) % P;
  if (left !== right) throw new Error('epk is not a point on P-256');
  return bytes;
}
