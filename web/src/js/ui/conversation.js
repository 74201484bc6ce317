// The conversation: header with the chat's state and actions, the messages with their ticks (files through
// file-view.js), the composer (attaching a file through attach.js).
import { wireAttach } from './attach.js';
import { $, fromTemplate, textWithLinks, time } from './dom.js';
import { renderFile, revokePictures, updateFile } from './file-view.js';
import { keyInfo } from './safety-view.js';

const TICKS = { queued: '\u{1F552}', sent: '\u2713', delivered: '\u2713\u2713', received: '' };
const TICK_WORDS = { queued: 'waiting to be sent', sent: 'taken by the broker', delivered: 'delivered', received: '' };

export function showConversation(app, id) {
  const chat = app.service.chat(id);
  const node = fromTemplate('tpl-chat');
  revokePictures(); // the last conversation's pictures are no longer on screen
  app.setPane(node, 'chat', id);
  renderHeader(chat);
  $('.chat-info', node).addEventListener('click', () => app.showInfo(id));
  $('.refresh-keys', node).addEventListener('click', () => app.refreshKeys(id));
  $('.rename', node).addEventListener('click', async () => {
    const name = prompt('Name for this chat', app.service.chat(id).name);
    if (name !== null) await app.service.rename(id, name).catch((e) => app.banner(e.message));
  });
  $('.forget', node).addEventListener('click', async () => {
    if (confirm('Forget this chat? Its keys and messages are erased from this browser; this cannot be undone.')) {
      await app.service.delete(id);
    }
  });
  wireMenu(node);
  wireComposer(app, id, node);
  wireAttach(app, id, node);
  app.service.history(id).then((messages) => {
    if (app.selected !== id) return;
    for (const m of messages) appendMessage(app, m);
  });
  app.service.markRead(id);
}

/** The phone's menu of the chat's actions: opens on its button, closes on an action, Escape or a click elsewhere. */
function wireMenu(node) {
  const header = $('.chat-header', node);
  const button = $('.chat-menu-button', node);
  const setOpen = (open) => {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    setOpen(!header.classList.contains('menu-open'));
  });
  $('.chat-actions', node).addEventListener('click', () => setOpen(false));
  node.addEventListener('click', (event) => {
    if (!header.contains(event.target)) setOpen(false);
  });
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && header.classList.contains('menu-open')) {
      setOpen(false);
      button.focus();
    }
  });
}

function wireComposer(app, id, node) {
  const form = $('.composer', node);
  const input = $('.message-input', node);
  const error = $('.composer-error', node);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value;
    if (text.trim() === '') return;
    // cleared at once, so that what the user types meanwhile is not wiped when this send completes
    input.value = '';
    try {
      await app.service.send(id, text);
      error.hidden = true;
    } catch (e) {
      if (input.value === '') input.value = text; // nothing was sent: give the text back
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}

export function renderHeader(chat) {
  const pane = $('#pane');
  $('.chat-name', pane).textContent = chat.name;
  const state = chat.phase === 'joining' ? 'joining: waiting for the welcome'
    : chat.phase === 'expired' ? 'invite expired before your friend answered: forget this chat and ask for a new invite' : chat.connection.detail;
  const drops = chat.drops > 0 ? ` · ${chat.drops} dropped` : '';
  const keys = chat.rekeying ? ' · refreshing keys' : chat.epoch > 0 ? ` · key epoch ${chat.epoch}` : '';
  $('.chat-status', pane).textContent = state + keys + drops;
  $('.chat-status', pane).dataset.drops = String(chat.drops);
  $('.chat-status', pane).title = chat.drops > 0 ? `dropped: ${Object.entries(chat.dropsByReason)
    .map(([reason, n]) => `${reason} ${n}`).join(', ')}` : '';
  $('.chat-status', pane).dataset.status = chat.connection.status;
  $('.send', pane).disabled = chat.phase !== 'active';
  $('.attach-button', pane).disabled = chat.phase !== 'active';
  $('.verified-badge', pane).hidden = !chat.verified;
  const header = $('.chat-header', pane);
  header.dataset.epoch = String(chat.epoch);
  header.dataset.rekeying = String(chat.rekeying);
  $('.chat-info', pane).disabled = chat.phase !== 'active';
  $('.refresh-keys', pane).disabled = chat.phase !== 'active' || chat.rekeying;
  $('.refresh-keys', pane).title = chat.phase === 'active' ? keyInfo(chat) : '';
}

export function appendMessage(app, m) {
  const list = $('#pane .messages');
  if (!list || list.querySelector(`[data-id="${CSS.escape(m.id)}"][data-dir="${m.dir}"]`)) return;
  const li = document.createElement('li');
  li.className = `message ${m.dir}`;
  li.dataset.id = m.id;
  li.dataset.dir = m.dir;
  let text;
  if (m.file) {
    li.classList.add('file');
    text = renderFile(app, m.chat, m); // the manifest's fallback text is for older versions, not shown here
  } else {
    text = document.createElement('p');
    text.className = 'text';
    text.replaceChildren(...textWithLinks(m.text)); // text nodes and anchors: never markup
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = time(m.ts);
  if (m.dir === 'out') {
    const tick = document.createElement('span');
    tick.className = 'tick';
    meta.append(' ', tick);
    li.append(text, meta);
    setTick(li, m.status);
  } else {
    li.append(text, meta);
  }
  list.append(li);
  if (m.file) li.dataset.transfer = m.transfer.state;
  list.scrollTop = list.scrollHeight;
}

/** A file message's transfer changed: its progress, state and commands are drawn again. */
export function updateTransfer(app, m) {
  const box = $(`#pane .messages [data-id="${CSS.escape(m.id)}"][data-dir="${m.dir}"] .file-box`);
  if (box) updateFile(app, m.chat, m, box);
}

export function updateTick(id, status) {
  const li = $(`#pane .messages [data-id="${CSS.escape(id)}"][data-dir="out"]`);
  if (li) setTick(li, status);
}

function setTick(li, status) {
  li.dataset.status = status;
  const tick = $('.tick', li);
  tick.className = `tick ${status}`;
  tick.textContent = TICKS[status];
  tick.title = TICK_WORDS[status];
}
