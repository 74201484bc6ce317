// The chat list (the sidebar): one row per chat with its name, state and unread count.
import { $, verifiedBadge } from './dom.js';

function stateText(c) {
  return c.phase === 'invited' ? (c.live ? 'invite: waiting for a join' : 'invite: not live yet')
    : c.phase === 'joining' ? 'joining: waiting for the welcome'
      : c.phase === 'expired' ? 'invite expired before they answered' : c.connection.detail;
}

export function renderList(app) {
  const list = $('#chat-list');
  const chats = app.service.chats();
  $('#no-chats').hidden = chats.length > 0;
  list.replaceChildren(...chats.map((c) => {
    const li = document.createElement('li');
    li.dataset.chat = c.id;
    li.classList.toggle('selected', c.id === app.selected);
    const button = document.createElement('button');
    button.type = 'button';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = c.name;
    if (c.verified) name.append(' ', verifiedBadge());
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = stateText(c);
    button.append(name, state);
    if (c.unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'unread';
      badge.textContent = String(c.unread);
      badge.setAttribute('aria-label', `${c.unread} unread`);
      button.append(badge);
    }
    button.addEventListener('click', () => app.openChat(c.id));
    li.append(button);
    return li;
  }));
}
