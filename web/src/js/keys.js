// Ephemeral P-256 key agreement and the chat-key derivation (docs/protocol.md section 4) on WebCrypto, which pages
// have only over https. The private half is a non-extractable CryptoKey: script can use it, never read it.
import { base64url } from './bytes.js';
import { checkedPoint } from './p256.js';

const subtle = () => globalThis.crypto.subtle;

/** A fresh key pair: {privateKey (CryptoKey), epk (the 65-byte public point, base64url)}. */
export async function generateEphemeral() {
  const pair = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, epk: base64url(raw) };
}

/**
 * key = base64url(HKDF-SHA256(IKM = ECDH x-coordinate, salt = UTF-8(previous key),
 * info = "parley-chat-key-v1", L = 32)).
 */
export async function deriveChatKey(privateKey, peerEpk, previousKey) {
  const point = checkedPoint(peerEpk);
  const peer = await subtle().importKey('raw', point, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const z = await subtle().deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const ikm = await subtle().importKey('raw', z, 'HKDF', false, ['deriveBits']);
  const enc = new TextEncoder();
  const out = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode(previousKey), info: enc.encode('parley-chat-key-v1') },
    ikm, 256);
  return base64url(new Uint8Array(out));
}
