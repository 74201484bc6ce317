// Join: an invite link pasted, opened or scanned, previewed with the inviter's name, then joined.
import { parseLink } from '../invite.js';
import { $, fromTemplate, scanInto, stopScanOnClick } from './dom.js';

export function showJoin(app, link) {
  const node = fromTemplate('tpl-join');
  const input = $('.join-link', node);
  const error = $('.error', node);
  const from = $('.join-from', node);
  const showError = (text) => {
    error.textContent = text ?? '';
    error.hidden = !text;
  };
  const preview = () => {
    try {
      const invite = parseLink(input.value);
      from.textContent = invite.name ? `Invite from ${invite.name}` : 'Invite from someone who gave no name';
      from.hidden = false;
      showError(null);
    } catch (e) {
      from.hidden = true;
      if (input.value.trim()) showError(e.message);
    }
  };
  input.value = link;
  if (link) preview();
  input.addEventListener('input', () => {
    showError(null);
    from.hidden = true;
  });
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const chat = await app.service.join(input.value);
      app.openChat(chat.id);
    } catch (e) {
      showError(e.message);
    }
  });
  $('.scan', node).addEventListener('click', () => scanInto(app, node, (text) => {
    input.value = text;
    preview();
  }, showError));
  stopScanOnClick(app, node);
  app.setPane(node, 'join');
}
