// Boots the browser client: takes an invite link out of the address bar at once (the fragment never reaches a
// server, and must not linger in history either), makes sure only one tab runs the chats, then starts the service.
import { pageBroker } from './broker-config.js';
import { nameProblem } from './invite.js';
import { ChatService } from './service.js';
import { Store } from './store.js';
import { App } from './ui/app.js';

const NAME_KEY = 'parley.displayName';
const AUTO_DOWNLOAD_KEY = 'parley.autoDownloadMiB';

const settings = {
  displayName: () => localStorage.getItem(NAME_KEY),
  /** Keeps `name` (trimmed) if peers would take it; returns why not, or null. */
  setDisplayName(name) {
    const trimmed = name.trim();
    if (!trimmed) {
      localStorage.removeItem(NAME_KEY);
      return null;
    }
    const problem = nameProblem(trimmed);
    if (problem === null) localStorage.setItem(NAME_KEY, trimmed);
    return problem;
  },
  /** Bytes up to which a received file is fetched by itself; null: the default (16 MiB). */
  autoDownloadLimit() {
    const mib = localStorage.getItem(AUTO_DOWNLOAD_KEY);
    return mib === null ? null : Number(mib) * 1024 * 1024;
  },
  /** Keeps a whole number of MiB from 0 (always ask) to 100 (every file); returns why not, or null. */
  setAutoDownloadMiB(text) {
    const mib = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(mib) || mib < 0 || mib > 100) {
      return 'it must be a whole number from 0 to 100';
    }
    localStorage.setItem(AUTO_DOWNLOAD_KEY, String(mib));
    return null;
  },
};

function takeInviteFromAddress() {
  if (!location.hash.includes('parley=')) return null;
  const link = location.href;
  history.replaceState(null, '', location.pathname + location.search);
  return link;
}

/** This page's broker: what the deployment publishes in parley.json, else wss on the page's own host. */
async function brokerOfThisPage() {
  const webBase = location.origin + location.pathname;
  let config = null;
  try {
    const response = await fetch('parley.json', { cache: 'no-store' });
    if (response.ok) config = await response.json();
  } catch {
    // no parley.json (or not JSON): the page's own host is the broker
  }
  return pageBroker(config, location.host, webBase); // throws a BrokerConfigError for unusable credentials
}

function fail(text) {
  const banner = document.getElementById('banner');
  banner.textContent = text;
  banner.hidden = false;
  document.body.dataset.state = 'failed';
}

async function run() {
  const link = takeInviteFromAddress();
  if (!globalThis.crypto?.subtle || !globalThis.CryptoJS) {
    fail('Parley needs a secure (https) page and a current browser.');
    return;
  }
  const store = await Store.open();
  const service = new ChatService(store, await brokerOfThisPage(), settings);
  const app = new App(service, settings);
  await service.start();
  app.renderList();
  if (link) app.showJoin(link);
  else app.showWelcome();
  document.body.dataset.state = 'ready';
}

function start() {
  // Two tabs would connect as the same inboxes and take each other over: only the first one runs.
  if (!navigator.locks) {
    run().catch((e) => fail(`Parley could not start: ${e.message}`));
    return;
  }
  navigator.locks.request('parley-client', { ifAvailable: true }, async (lock) => {
    if (!lock) {
      fail('Parley is open in another tab of this browser; use that one (or close it and reload).');
      return;
    }
    await run().catch((e) => fail(`Parley could not start: ${e.message}`));
    await new Promise(() => {}); // held until the tab closes
  });
}

start();
