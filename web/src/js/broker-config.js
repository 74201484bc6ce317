// This page's broker, from the /parley.json its deployment serves: the wss (and mqtts) addresses its own invites
// name and, for a broker profile that needs them (the RabbitMQ cluster has one MQTT user shared by every client),
// a username and password. The credentials are the deployment's, not a person's: they go only to the wss address
// named next to them, never to a broker that an invite link names, so a stranger's invite cannot collect them.

const MAX_CREDENTIAL_LENGTH = 1024;

/** A /parley.json whose credentials are unusable; the message names the field, never the password itself. */
export class BrokerConfigError extends Error {}

/**
 * The broker of a page at `webBase` (its origin and path) from the parsed /parley.json, or from nothing (null):
 * {wss, mqtts (or null), webBase, credentials ({username, password} or null)}.
 */
export function pageBroker(config, host, webBase) {
  const fallback = { wss: `wss://${host}/mqtt`, mqtts: null, webBase, credentials: null };
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return fallback;
  const wss = typeof config.wss === 'string' && config.wss.startsWith('wss://') ? config.wss : fallback.wss;
  return {
    wss,
    mqtts: typeof config.mqtts === 'string' && config.mqtts.startsWith('mqtts://') ? config.mqtts : null,
    webBase,
    credentials: credentialsOf(config),
  };
}

function credentialsOf(config) {
  const { username, password } = config;
  if (username === undefined && password === undefined) return null;
  if (typeof username !== 'string' || username.length === 0 || username.length > MAX_CREDENTIAL_LENGTH) {
    throw new BrokerConfigError(`/parley.json: "username" must be a non-empty string of at most `
      + `${MAX_CREDENTIAL_LENGTH} characters${password !== undefined ? ' when a "password" is given' : ''}`);
  }
  if (password !== undefined && (typeof password !== 'string' || password.length > MAX_CREDENTIAL_LENGTH)) {
    throw new BrokerConfigError(`/parley.json: "password" must be a string of at most ${MAX_CREDENTIAL_LENGTH} `
      + 'characters');
  }
  return Object.freeze({ username, password: password ?? null });
}

/** The credentials to send to `url`: the page's, when `url` is the page's own wss address; else none. */
export function credentialsFor(broker, url) {
  if (!broker.credentials) return null;
  return sameAddress(broker.wss, url) ? broker.credentials : null;
}

function sameAddress(a, b) {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}
