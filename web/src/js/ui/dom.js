// Small DOM helpers every screen uses: the views are cloned from the page's <template>s.
import { linkRuns } from '../links.js';
import { QrScanner } from './scanner.js';

export const $ = (selector, root = document) => root.querySelector(selector);

export function fromTemplate(id) {
  return $(`#${id}`).content.firstElementChild.cloneNode(true);
}

export function time(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function verifiedBadge() {
  const badge = document.createElement('span');
  badge.className = 'verified-badge';
  badge.title = 'Safety code verified';
  badge.textContent = '\u2714 verified';
  return badge;
}

/** Starts the camera in `node`'s .scanner for a QR code; `onText` gets what it read, `onProblem` why it could not. */
export async function scanInto(app, node, onText, onProblem, fallback) {
  $('.scanner', node).hidden = false;
  app.scanner = new QrScanner($('.camera', node), (text) => {
    $('.scanner', node).hidden = true;
    onText(text);
  }, (problem) => {
    $('.scanner', node).hidden = true;
    onProblem(problem);
  }, fallback);
  await app.scanner.start();
}

/** Wires `node`'s .stop-scan button to stop the camera. */
export function stopScanOnClick(app, node) {
  $('.stop-scan', node).addEventListener('click', () => {
    app.scanner?.stop();
    $('.scanner', node).hidden = true;
  });
}

/** `text` as DOM nodes: text nodes, and its http(s) links (links.js) as anchors that open in a new tab. */
export function textWithLinks(text) {
  return linkRuns(text).map((run) => {
    if (!run.href) return document.createTextNode(run.text);
    const a = document.createElement('a');
    a.href = run.href;
    a.textContent = run.text;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  });
}
