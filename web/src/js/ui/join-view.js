// Join: an invite link pasted, opened or scanned, previewed with the inviter's name, then joined under the name the
// user gives (docs/protocol.md: the join's `name`, which the inviter shows as the chat's name).
import { parseLink } from '../invite.js';
import { $, fromTemplate, scanInto, stopScanOnClick } from './dom.js';

export function showJoin(app, link) {
  const node = fromTemplate('tpl-join');
  const input = $('.join-link', node);
  const name = $('.join-name', node);
  const error = $('.error', node);
  const from = $('.join-from', node);
  const linkField = $('.link-field', node);
  const otherLink = $('.other-link', node);
  const showError = (text) => {
    error.textContent = text ?? '';
    error.hidden = !text;
  };
  // once a link is read it is not shown again (it holds the chat's key): only whose invite it is
  const showLinkField = (shown) => {
    linkField.hidden = !shown;
    otherLink.hidden = shown;
  };
  /** Shows whose invite the link is; `quiet`: a link that does not parse (yet) is no error while typing. */
  const preview = (quiet = false) => {
    try {
      const invite = parseLink(input.value);
      from.textContent = invite.name ? `Invite from ${invite.name}` : 'Invite from someone who gave no name';
      from.hidden = false;
      showError(null);
      showLinkField(false);
    } catch (e) {
      from.hidden = true;
      if (input.value.trim() && !quiet) showError(e.message);
    }
  };
  input.value = link;
  name.value = app.settings.displayName() ?? '';
  if (link) preview();
  input.addEventListener('input', () => {
    showError(null);
    from.hidden = true;
    preview(true);
  });
  otherLink.addEventListener('click', () => {
    input.value = '';
    from.hidden = true;
    showError(null);
    showLinkField(true);
    input.focus();
  });
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = app.settings.setDisplayName(name.value);
    if (problem !== null) {
      showError(`Your name ${problem}: change it, or leave it empty.`);
      return;
    }
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
