// The chat list (the sidebar): one row per chat with its name, its last message and that message's time, its
// state and unread count.
import { $, time, verifiedBadge } from './dom.js';
import { isPicture } from './file-view.js';

function stateText(c) {
  return c.phase === 'invited' ? (c.live ? 'invite: waiting for a join' : 'invite: not live yet')
    : c.phase === 'joining' ? 'joining: waiting for the welcome'
      : c.phase === 'expired' ? 'invite expired before they answered' : c.connection.detail;
}

/**
 * The last message of each chat, for the rows' previews: read once per chat from its history, then kept up to
 * date from the 'message-added' events.
 */
export class LastMessages {
  constructor(service, onLoaded) {
    this.service = service;
    this.onLoaded = onLoaded;
    this.byChat = new Map();
  }

  /** The chat's last message, or null (none, or not read yet: it is then read and `onLoaded` called). */
  of(chatId) {
    if (!this.byChat.has(chatId)) {
      this.byChat.set(chatId, null);
      this.service.history(chatId).then((messages) => {
        const last = messages.at(-1) ?? null;
        if (this.byChat.get(chatId) === null && last !== null) {
          this.byChat.set(chatId, last);
          this.onLoaded();
        }
      }).catch(() => {}); // a chat forgotten meanwhile has no preview
    }
    return this.byChat.get(chatId);
  }

  added(chatId, message) {
    const known = this.byChat.get(chatId);
    if (!known || message.ts >= known.ts) this.byChat.set(chatId, message);
  }

  removed(chatId) {
    this.byChat.delete(chatId);
  }
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** The row's time and preview of the chat's last message (none before it has one). */
function previewOf(last) {
  if (!last) return [];
  // a file shows as "Photo" or its name: its text is the fallback for older versions
  const what = last.file ? (isPicture(last.file) ? 'Photo' : last.file.name) : last.text;
  return [span('time', time(last.ts)), span('preview', (last.dir === 'out' ? 'You: ' : '') + what)];
}

/** A new message in a chat: its row's preview changes in place (cheap; the order follows at its next change). */
export function showLastMessage(app, chatId) {
  const button = [...$('#chat-list').children].find((li) => li.dataset.chat === chatId)?.firstElementChild;
  if (!button) {
    renderList(app);
    return;
  }
  for (const old of button.querySelectorAll('.time, .preview')) old.remove();
  button.querySelector('.name').after(...previewOf(app.lastMessages.of(chatId)));
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
    const name = span('name', c.name);
    if (c.verified) name.append(' ', verifiedBadge());
    button.append(name, ...previewOf(app.lastMessages.of(c.id)), span('state', stateText(c)));
    if (c.unread > 0) {
      const badge = span('unread', String(c.unread));
      badge.setAttribute('aria-label', `${c.unread} unread`);
      button.append(badge);
    }
    button.addEventListener('click', () => app.openChat(c.id));
    li.append(button);
    return li;
  }));
}
