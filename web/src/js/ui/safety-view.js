// The safety code and chat info: the code as digits and QR, verifying the friend's code, the key epoch.
import { grouped, safetyQrText } from '../safety.js';
import { SafetyMismatch } from '../session.js';
import { $, fromTemplate, scanInto, stopScanOnClick } from './dom.js';
import { qrDataUrl } from './qr.js';

export function keyInfo(chat) {
  const since = chat.epochSince ? new Date(chat.epochSince).toLocaleString() : 'unknown';
  const pending = chat.rekeying ? ' Refreshing keys: waiting for your friend\'s answer.' : '';
  return `Key epoch ${chat.epoch}, in use since ${since}. Keys are refreshed after 1,000 messages or 7 days; `
    + `old keys are erased an hour after your friend switched.${pending}`;
}

export async function showInfo(app, id) {
  app.banner(null);
  let digits;
  try {
    digits = await app.service.safetyCode(id);
  } catch (e) {
    app.banner(e.message);
    return;
  }
  const node = fromTemplate('tpl-info');
  $('.safety-digits', node).textContent = grouped(digits);
  $('.safety-digits', node).dataset.digits = digits;
  $('.safety-qr', node).src = qrDataUrl(safetyQrText(digits));
  const input = $('.safety-input', node);
  const error = $('.safety-error', node);
  const warning = $('.safety-warning', node);
  const ok = $('.safety-ok', node);
  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };
  const verify = async (text) => {
    error.hidden = true;
    warning.hidden = true;
    ok.hidden = true;
    try {
      await app.service.verify(id, text);
      ok.hidden = false;
    } catch (e) {
      if (e instanceof SafetyMismatch) warning.hidden = false;
      else showError(e.message);
    }
  };
  input.addEventListener('input', () => {
    error.hidden = true;
    warning.hidden = true;
  });
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    verify(input.value);
  });
  $('.scan-safety', node).addEventListener('click', () => scanInto(app, node, (text) => {
    input.value = text;
    verify(text);
  }, showError, 'type the digits instead'));
  stopScanOnClick(app, node);
  $('.refresh-keys', node).addEventListener('click', () => app.refreshKeys(id));
  $('.back-to-chat', node).addEventListener('click', () => app.openChat(id));
  app.setPane(node, 'info', id);
  renderInfo(app.service.chat(id));
}

export function renderInfo(chat) {
  const pane = $('#pane');
  $('.info-name', pane).textContent = chat.name;
  $('.verified-badge', pane).hidden = !chat.verified;
  const info = $('.key-info', pane);
  info.textContent = keyInfo(chat);
  info.dataset.epoch = String(chat.epoch);
  $('.refresh-keys', pane).disabled = chat.rekeying;
}
