// The safety code (docs/protocol.md section 5): S = HMAC-SHA256(key = UTF-8(K2), "parley-safety-v1|" + smaller inbox +
// "|" + larger inbox), its first 9 bytes as an unsigned big-endian integer mod 10^20, as 20 digits. Computed once
// at the join and kept as digits (as the desktop does), so erasing old keys never loses it.
import { wordsToBytes } from './bytes.js';

export const SAFETY_DIGITS = 20;
const QR_PREFIX = 'parley-safety:1:';
const TWENTY_DIGITS = /^[0-9]{20}$/;
const MODULUS = 10n ** 20n;
const TRUNCATED_BYTES = 9;

/** The 20 digits of the chat whose join produced `chatKey`; the order of the two inboxes does not matter. */
export function safetyDigits(chatKey, inboxA, inboxB) {
  if (inboxA === inboxB) throw new Error('the two inboxes of a chat must differ');
  // base64url inboxes are ASCII, so JavaScript's UTF-16 order is the protocol's ordinal (byte-wise) order
  const [smaller, larger] = inboxA < inboxB ? [inboxA, inboxB] : [inboxB, inboxA];
  const s = wordsToBytes(globalThis.CryptoJS.HmacSHA256(`parley-safety-v1|${smaller}|${larger}`, chatKey));
  let n = 0n;
  for (const b of s.subarray(0, TRUNCATED_BYTES)) n = (n << 8n) | BigInt(b);
  return (n % MODULUS).toString().padStart(SAFETY_DIGITS, '0');
}

/** Five groups of four digits separated by single spaces, as shown to the user. */
export function grouped(digits) {
  return digits.match(/.{4}/g).join(' ');
}

/** The text of the safety QR code. */
export function safetyQrText(digits) {
  return QR_PREFIX + digits;
}

/**
 * The 20 digits from a scanned safety QR text or from digits the user typed (spaces anywhere are ignored), or null
 * for anything else: the desktop's SafetyCode.digitsFrom, rule for rule.
 */
export function digitsFrom(scannedOrTyped) {
  if (typeof scannedOrTyped !== 'string') return null;
  const text = scannedOrTyped.trim();
  const candidate = text.startsWith(QR_PREFIX) ? text.slice(QR_PREFIX.length) : text.replaceAll(' ', '');
  return TWENTY_DIGITS.test(candidate) ? candidate : null;
}

/** Whether `scannedOrTyped` is the code `digits`, compared in constant time. */
export function safetyMatches(digits, scannedOrTyped) {
  const given = digitsFrom(scannedOrTyped) ?? '';
  if (given.length !== digits.length) return false;
  let diff = 0;
  for (let i = 0; i < digits.length; i++) diff |= digits.charCodeAt(i) ^ given.charCodeAt(i);
  return diff === 0;
}

export const MISMATCH_WARNING = 'The safety codes differ: someone may be in the middle of this chat, reading and '
  + 'relaying it. Do not trust it; meet in person and start a new invite.';
export const NOT_A_CODE = 'A safety code is 20 digits (five groups of four) or a scanned parley-safety QR code.';
