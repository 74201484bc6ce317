// New invite: the QR code and link once the invite is live, or why it is not live yet.
import { $, fromTemplate } from './dom.js';
import { qrDataUrl } from './qr.js';

export async function createInvite(app) {
  app.banner(null);
  try {
    const chat = await app.service.createInvite();
    app.openChat(chat.id);
  } catch (e) {
    app.banner(`Could not make an invite: ${e.message}`);
  }
}

/**
 * The invite view. Until the invite is live (its inbox subscribed at the broker) the snapshot has no link, and the
 * view says it is not live yet in place of the code: a join sent before would be lost at the broker.
 */
export function showInvite(app, chat) {
  const node = fromTemplate('tpl-invite');
  const live = chat.link !== null;
  $('.live', node).hidden = !live;
  $('.not-live', node).hidden = live;
  $('.waiting', node).hidden = !live;
  if (!live) {
    $('.not-live', node).textContent = chat.connection.status === 'connecting' || chat.connection.status === 'offline'
      ? 'Not live yet: connecting to the server\u2026'
      : `Not live yet: can't reach the server (${chat.connection.detail}). The code appears as soon as it is live.`;
    $('.cancel-invite', node).addEventListener('click', () => app.service.delete(chat.id));
    app.setPane(node, 'invite', chat.id);
    return;
  }
  $('.qr', node).src = qrDataUrl(chat.link);
  const field = $('.invite-link', node);
  field.value = chat.link;
  $('.copy', node).addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(chat.link);
      $('.copy', node).textContent = 'Copied';
    } catch {
      $('.copy', node).textContent = 'Press Ctrl+C';
    }
  });
  $('.expires', node).textContent = `(valid until ${new Date(chat.expires).toLocaleString()})`;
  $('.cancel-invite', node).addEventListener('click', () => app.service.delete(chat.id));
  app.setPane(node, 'invite', chat.id);
}
