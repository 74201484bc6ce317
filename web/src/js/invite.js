// The invite link (docs/protocol.md section 4, with its parsing decisions):
// <base>#parley=1&i=<I>&k=<K>&b=<wss URL>&m=<mqtts URL>&n=<name>&x=<expiry, unix seconds>
// with the short forms: no b when the base's origin implies it, no :8883 in m.
// Everything secret is in the fragment, which browsers never send to a server.
import { fromBase64url } from './bytes.js';

export const VERSION = 1;
export const APP_BASE = 'parley:';
export const MAX_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const MAX_LINK_CHARS = 8192;
const CUT_OFF = 'the invite link looks cut off; copy the whole link';
const FIELDS = {
  parley: 'version', i: 'inbox', k: 'key', b: 'web broker address', m: 'broker address', n: 'name',
  x: 'expiry time',
};
const label = (key) => `the invite's ${FIELDS[key]} (${key})`;
/** Own properties only: `constructor` or `__proto__` in a link are unknown fields, not Object.prototype's. */
const isField = (name) => Object.hasOwn(FIELDS, name);

/** A link that is not a usable invite; `problem` is the desktop's InviteException.Problem name. */
export class InviteError extends Error {
  constructor(problem, message) {
    super(message);
    this.problem = problem;
  }
}

/** URLEncoder-style form encoding, with ':' and '/' left literal as the desktop writes them. */
function formEncode(value) {
  let out = '';
  for (const b of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9.\-*_:/]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Form decoding as java.net.URLDecoder does it: null for a broken %-escape, U+FFFD for broken UTF-8. */
function formDecode(raw) {
  const bytes = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < raw.length;) {
    const c = raw[i];
    if (c === '+') {
      bytes.push(0x20);
      i++;
    } else if (c === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      const ch = String.fromCodePoint(raw.codePointAt(i));
      bytes.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/**
 * The wss URL a link under `base` may leave out (docs/protocol.md section 4, short links): `wss://H[:P]/mqtt` for
 * `https://H[:P]/...`, else null. As the desktop's ShortForms.
 */
function impliedWss(base) {
  let u;
  try {
    u = new URL(base);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
  return `wss://${u.hostname}${u.port ? `:${u.port}` : ''}/mqtt`;
}

/** An `m` value with the default port written out, whichever way the link had it. */
const mqttsWithPort = (value) => (new URL(value).port ? value : `mqtts://${value.slice(value.indexOf('://') + 3)}:8883`);

/** The link for an invite {inbox, key, wss, mqtts, name, expires (ms)} under the web client's `base`. */
export function formatLink(invite, base) {
  let link = `${base ?? APP_BASE}#parley=${VERSION}`;
  const add = (k, v) => {
    link += `&${k}=${formEncode(v)}`;
  };
  add('i', invite.inbox);
  add('k', invite.key);
  if (invite.wss && (!base || invite.wss !== impliedWss(base))) add('b', invite.wss);
  if (invite.mqtts) add('m', invite.mqtts.replace(/:8883$/, ''));
  if (invite.name) add('n', invite.name);
  add('x', String(Math.floor(invite.expires / 1000)));
  return link;
}

/** Why `name` is not a valid display name, as the end of a sentence, or null (the desktop's DisplayNames). */
export function nameProblem(name) {
  if (name.length === 0) return 'is empty';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const next = name.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) return 'is not valid text';
  }
  if (name.length > 64) return 'is longer than 64 characters';
  for (const ch of name) {
    const cp = ch.codePointAt(0);
    const control = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    const bidi = (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x061c;
    if (control || bidi) return 'contains control characters';
  }
  return null;
}

function wssProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'wss:') return 'must be a wss:// URL';
  if (!url.hostname || url.username || url.password) return 'must have the form wss://host[:port][/path]';
  if (url.port === '0') return 'has a port outside 1 to 65535';
  if (value.includes('#')) return 'must not have a #fragment';
  return null;
}

function mqttsProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'mqtts:') {
    const scheme = url.protocol.slice(0, -1);
    return scheme.length > 10 ? 'must be an mqtts:// URL' : `must use mqtts://, not ${scheme}://`;
  }
  if (!url.hostname || url.username || url.password) return 'must have the form mqtts://host[:port]';
  if (url.port === '0') return 'has a port outside 1 to 65535';
  if ((url.pathname && url.pathname !== '') || url.search || url.hash) return 'must be just mqtts://host[:port]';
  return null;
}

function looksCutOff(last) {
  const raw = last.value === null ? last.name : `${last.name}=${last.value}`;
  if (/%[0-9A-Fa-f]?$/.test(raw)) return true;
  if (last.value === null) return Object.keys(FIELDS).some((k) => k.startsWith(last.name));
  if (!isField(last.name)) return false;
  const v = last.value;
  if (v === '') return last.name !== 'n';
  const decoded = formDecode(v);
  const properPrefix = (full) => decoded !== null && decoded.length < full.length
    && full.startsWith(decoded.toLowerCase());
  switch (last.name) {
    case 'i':
    case 'k': return /^[A-Za-z0-9_-]{1,42}$/.test(v);
    case 'x': return /^[0-9]{1,9}$/.test(v);
    case 'b': return properPrefix('wss://');
    case 'm': return properPrefix('mqtts://');
    case 'n': return decoded !== null && decoded.endsWith('\uFFFD');
    default: return false;
  }
}

/**
 * Reads a link as a user pastes or a camera scans it, with the desktop's rules and their order; `now` in ms.
 * Returns {inbox, key, wss, mqtts, name, expires (ms)} or throws an {@link InviteError}.
 */
export function parseLink(input, now = Date.now()) {
  const text = String(input).trim();
  const hasAppBase = text.slice(0, APP_BASE.length).toLowerCase() === APP_BASE;
  const hash = text.indexOf('#');
  if (hash < 0) {
    throw hasAppBase ? new InviteError('TRUNCATED', CUT_OFF) : new InviteError('NOT_AN_INVITE', 'this is not a Parley invite');
  }
  const fragment = text.slice(hash + 1);
  const fields = fragment.split('&').filter((s) => s !== '').map((s) => {
    const eq = s.indexOf('=');
    return eq < 0 ? { name: s, value: null } : { name: s.slice(0, eq), value: s.slice(eq + 1) };
  });
  const known = new Map();
  for (const f of fields) {
    if (!isField(f.name)) continue;
    if (known.has(f.name)) throw new InviteError('MALFORMED', `the invite link has ${label(f.name)} twice`);
    known.set(f.name, f);
  }
  if (!known.has('parley')) {
    const start = `parley=${VERSION}`;
    if (start.startsWith(fragment) && (hasAppBase || fragment.length >= 4)) throw new InviteError('TRUNCATED', CUT_OFF);
    if (known.has('i') || known.has('k')) {
      throw new InviteError('MISSING_FIELD', `${label('parley')} is missing; copy the whole link`);
    }
    throw new InviteError('NOT_AN_INVITE', 'this is not a Parley invite');
  }
  if (text.length > MAX_LINK_CHARS) throw new InviteError('MALFORMED', 'the text is too long to be a Parley invite');
  const last = fields[fields.length - 1];
  const endsWithAmpersand = fragment.endsWith('&');
  const version = known.get('parley');
  if ((version.value === null || version.value === '') && !endsWithAmpersand && last === version) {
    throw new InviteError('TRUNCATED', CUT_OFF);
  }
  if (version.value !== String(VERSION)) {
    if (version.value !== null && /^[1-9][0-9]{0,8}$/.test(version.value)) {
      throw new InviteError('UNSUPPORTED_VERSION', `this invite needs a newer Parley (version ${version.value})`);
    }
    throw new InviteError('MALFORMED', `${label('parley')} must be ${VERSION}`);
  }
  const base = text.slice(0, hash);
  if (base.toLowerCase() !== APP_BASE) {
    let ok = false;
    try {
      const u = new URL(base);
      ok = u.protocol === 'https:' && !!u.hostname;
    } catch {
      ok = false;
    }
    if (!ok) throw new InviteError('MALFORMED', `the invite link must start with https:// or ${APP_BASE}`);
  }
  if (endsWithAmpersand || looksCutOff(last)) throw new InviteError('TRUNCATED', CUT_OFF);
  const values = new Map();
  for (const [k, f] of known) {
    const v = f.value === null ? null : formDecode(f.value);
    if (v === null) {
      throw new InviteError('MALFORMED', `${label(k)} is not written correctly (a broken${f.value === null ? ' field without =' : ' %-escape'})`);
    }
    values.set(k, v);
  }
  for (const k of ['i', 'k', 'x']) {
    if (!values.has(k)) throw new InviteError('MISSING_FIELD', `${label(k)} is missing; copy the whole link`);
  }
  for (const k of ['i', 'k']) {
    try {
      fromBase64url(label(k), values.get(k), 32);
    } catch (e) {
      throw new InviteError('BAD_FIELD', e.message);
    }
  }
  if (!/^[0-9]{1,12}$/.test(values.get('x'))) {
    throw new InviteError('BAD_FIELD', `${label('x')} must be a whole number of seconds since 1970`);
  }
  let wss = values.get('b') ?? null;
  let mqtts = values.get('m') ?? null;
  const wp = wss === null ? null : wssProblem(wss);
  if (wp) throw new InviteError('BAD_FIELD', `${label('b')} ${wp}`);
  if (wss === null && base.toLowerCase() !== APP_BASE) wss = impliedWss(base);
  const mp = mqtts === null ? null : mqttsProblem(mqtts);
  if (mp) throw new InviteError('BAD_FIELD', `${label('m')} ${mp}`);
  if (mqtts !== null) mqtts = mqttsWithPort(mqtts);
  if (wss === null && mqtts === null) throw new InviteError('MISSING_FIELD', 'the invite has no broker address (b or m)');
  const name = values.get('n') || null;
  const np = name === null ? null : nameProblem(name);
  if (np) throw new InviteError('BAD_FIELD', `${label('n')} ${np}`);
  const expires = Number(values.get('x')) * 1000;
  if (expires > now + MAX_LIFETIME_MS) {
    throw new InviteError('MALFORMED', `${label('x')} is more than 30 days away; Parley invites last at most that long`);
  }
  if (expires <= now) {
    throw new InviteError('EXPIRED', `this invite expired at ${new Date(expires).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  }
  return { inbox: values.get('i'), key: values.get('k'), wss, mqtts, name, expires };
}
