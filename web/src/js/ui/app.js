// The page: chat list, conversation, invite and join views. Only reads service snapshots and sends commands;
// every text from the network goes into the DOM as textContent, never as markup.
import { parseLink } from '../invite.js';
import { grouped, safetyQrText } from '../safety.js';
import { SafetyMismatch } from '../session.js';
import { qrDataUrl } from './qr.js';
import { QrScanner } from './scanner.js';

const $ = (selector, root = document) => root.querySelector(selector);
const TICKS = { queued: '\u{1F552}', sent: '\u2713', delivered: '\u2713\u2713', received: '' };
const TICK_WORDS = { queued: 'waiting to be sent', sent: 'taken by the broker', delivered: 'delivered', received: '' };

function fromTemplate(id) {
  return $(`#${id}`).content.firstElementChild.cloneNode(true);
}

function time(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function keyInfo(chat) {
  const since = chat.epochSince ? new Date(chat.epochSince).toLocaleString() : 'unknown';
  const pending = chat.rekeying ? ' Refreshing keys: waiting for your friend\'s answer.' : '';
  return `Key epoch ${chat.epoch}, in use since ${since}. Keys are refreshed after 1,000 messages or 7 days; `
    + `old keys are erased an hour after your friend switched.${pending}`;
}

export class App {
  constructor(service, settings) {
    this.service = service;
    this.settings = settings;
    this.view = 'welcome';
    this.selected = null;
    this.scanner = null;
    service.on((type, ...args) => this.onEvent(type, ...args));
    $('#new-invite').addEventListener('click', () => this.createInvite());
    $('#open-join').addEventListener('click', () => this.showJoin(''));
    $('#back').addEventListener('click', () => this.showWelcome());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.view === 'chat' && this.selected) this.service.markRead(this.selected);
    });
    const notify = $('#enable-notifications');
    if ('Notification' in globalThis && Notification.permission === 'default') {
      notify.hidden = false;
      notify.addEventListener('click', async () => {
        await Notification.requestPermission();
        notify.hidden = Notification.permission === 'default';
      });
    }
  }

  banner(text) {
    const b = $('#banner');
    b.textContent = text ?? '';
    b.hidden = !text;
  }

  onEvent(type, ...args) {
    switch (type) {
      case 'chat-changed':
      case 'chat-removed':
        this.renderList();
        if (type === 'chat-removed' && args[0] === this.selected) this.showWelcome(args[1] === 'deleted' ? null : args[1]);
        else if (args[0]?.id === this.selected) this.onSelectedChanged(args[0]);
        break;
      case 'message-added':
        if (args[0] === this.selected && this.view === 'chat') {
          this.appendMessage(args[1]);
          if (!document.hidden) this.service.markRead(args[0]);
        }
        if (args[1].dir === 'in') this.notify(args[0], args[1]);
        break;
      case 'delivery-changed':
        if (args[0] === this.selected) this.updateTick(args[1], args[2]);
        break;
      case 'join-unanswered':
        if (args[0] === this.selected) {
          this.banner('No answer yet: the invite may have been used, cancelled or expired. Parley keeps waiting; '
            + 'forget the chat to give up.');
        }
        break;
      default:
    }
  }

  notify(chatId, message) {
    if (!document.hidden || !('Notification' in globalThis) || Notification.permission !== 'granted') return;
    const chat = this.service.chat(chatId);
    // the text stays out of the notification: lock screens show notifications to anyone nearby
    const n = new Notification(`Parley: ${chat.name}`, { body: 'New message', tag: chatId });
    n.onclick = () => {
      globalThis.focus();
      this.openChat(chatId);
    };
  }

  // ---- list ----

  renderList() {
    const list = $('#chat-list');
    const chats = this.service.chats();
    $('#no-chats').hidden = chats.length > 0;
    list.replaceChildren(...chats.map((c) => {
      const li = document.createElement('li');
      li.dataset.chat = c.id;
      li.classList.toggle('selected', c.id === this.selected);
      const button = document.createElement('button');
      button.type = 'button';
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = c.name;
      if (c.verified) name.append(' ', this.verifiedBadge());
      const state = document.createElement('span');
      state.className = 'state';
      state.textContent = c.phase === 'invited' ? (c.live ? 'invite: waiting for a join' : 'invite: not live yet')
        : c.phase === 'joining' ? 'joining: waiting for the welcome'
          : c.phase === 'expired' ? 'invite expired before they answered' : c.connection.detail;
      button.append(name, state);
      if (c.unread > 0) {
        const badge = document.createElement('span');
        badge.className = 'unread';
        badge.textContent = String(c.unread);
        badge.setAttribute('aria-label', `${c.unread} unread`);
        button.append(badge);
      }
      button.addEventListener('click', () => this.openChat(c.id));
      li.append(button);
      return li;
    }));
  }

  verifiedBadge() {
    const badge = document.createElement('span');
    badge.className = 'verified-badge';
    badge.title = 'Safety code verified';
    badge.textContent = '\u2714 verified';
    return badge;
  }

  setPane(node, view, selected = null) {
    this.scanner?.stop();
    this.scanner = null;
    this.view = view;
    this.selected = selected;
    $('#pane').replaceChildren(node);
    document.body.classList.toggle('in-pane', view !== 'welcome');
    $('#back').hidden = view === 'welcome';
    this.renderList();
  }

  showWelcome(message = null) {
    const node = fromTemplate('tpl-welcome');
    const input = $('#display-name', node);
    input.value = this.settings.displayName() ?? '';
    input.addEventListener('change', () => {
      const problem = this.settings.setDisplayName(input.value);
      this.banner(problem === null ? null : `Your name was not kept: it ${problem}.`);
    });
    this.setPane(node, 'welcome');
    this.banner(message);
  }

  // ---- invite ----

  async createInvite() {
    this.banner(null);
    try {
      const chat = await this.service.createInvite();
      this.openChat(chat.id);
    } catch (e) {
      this.banner(`Could not make an invite: ${e.message}`);
    }
  }

  /**
   * The invite view. Until the invite is live (its inbox subscribed at the broker) the snapshot has no link, and the
   * view says it is not live yet in place of the code: a join sent before would be lost at the broker.
   */
  showInvite(chat) {
    const node = fromTemplate('tpl-invite');
    const live = chat.link !== null;
    $('.live', node).hidden = !live;
    $('.not-live', node).hidden = live;
    $('.waiting', node).hidden = !live;
    if (!live) {
      $('.not-live', node).textContent = chat.connection.status === 'connecting' || chat.connection.status === 'offline'
        ? 'Not live yet: connecting to the server\u2026'
        : `Not live yet: can't reach the server (${chat.connection.detail}). The code appears as soon as it is live.`;
      $('.cancel-invite', node).addEventListener('click', () => this.service.delete(chat.id));
      this.setPane(node, 'invite', chat.id);
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
    $('.cancel-invite', node).addEventListener('click', () => this.service.delete(chat.id));
    this.setPane(node, 'invite', chat.id);
  }

  // ---- join ----

  showJoin(link) {
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
        const chat = await this.service.join(input.value);
        this.openChat(chat.id);
      } catch (e) {
        showError(e.message);
      }
    });
    $('.scan', node).addEventListener('click', async () => {
      $('.scanner', node).hidden = false;
      this.scanner = new QrScanner($('.camera', node), (text) => {
        $('.scanner', node).hidden = true;
        input.value = text;
        preview();
      }, (problem) => {
        $('.scanner', node).hidden = true;
        showError(problem);
      });
      await this.scanner.start();
    });
    $('.stop-scan', node).addEventListener('click', () => {
      this.scanner?.stop();
      $('.scanner', node).hidden = true;
    });
    this.setPane(node, 'join');
  }

  // ---- conversation ----

  openChat(id) {
    this.banner(null);
    const chat = this.service.chat(id);
    if (chat.phase === 'invited') {
      this.showInvite(chat);
      return;
    }
    const node = fromTemplate('tpl-chat');
    this.setPane(node, 'chat', id);
    this.renderHeader(chat);
    $('.chat-info', node).addEventListener('click', () => this.showInfo(id));
    $('.refresh-keys', node).addEventListener('click', () => this.refreshKeys(id));
    $('.rename', node).addEventListener('click', async () => {
      const name = prompt('Name for this chat', this.service.chat(id).name);
      if (name !== null) await this.service.rename(id, name).catch((e) => this.banner(e.message));
    });
    $('.forget', node).addEventListener('click', async () => {
      if (confirm('Forget this chat? Its keys and messages are erased from this browser; this cannot be undone.')) {
        await this.service.delete(id);
      }
    });
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
        await this.service.send(id, text);
        error.hidden = true;
      } catch (e) {
        if (input.value === '') input.value = text; // nothing was sent: give the text back
        error.textContent = e.message;
        error.hidden = false;
      }
    });
    this.service.history(id).then((messages) => {
      if (this.selected !== id) return;
      for (const m of messages) this.appendMessage(m);
    });
    this.service.markRead(id);
  }

  onSelectedChanged(chat) {
    if (this.view === 'invite' && chat.phase !== 'invited') this.openChat(chat.id);
    else if (this.view === 'invite' && !$('.not-live', $('#pane')).hidden) this.showInvite(chat); // live, or why not
    else if (this.view === 'chat') this.renderHeader(chat);
    else if (this.view === 'info') this.renderInfo(chat);
  }

  async refreshKeys(id) {
    try {
      await this.service.rekey(id);
    } catch (e) {
      this.banner(`Could not refresh the keys: ${e.message}`);
    }
  }

  // ---- safety code and chat info ----

  async showInfo(id) {
    this.banner(null);
    let digits;
    try {
      digits = await this.service.safetyCode(id);
    } catch (e) {
      this.banner(e.message);
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
    const verify = async (text) => {
      error.hidden = true;
      warning.hidden = true;
      ok.hidden = true;
      try {
        await this.service.verify(id, text);
        ok.hidden = false;
      } catch (e) {
        if (e instanceof SafetyMismatch) {
          warning.hidden = false;
        } else {
          error.textContent = e.message;
          error.hidden = false;
        }
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
    $('.scan-safety', node).addEventListener('click', async () => {
      $('.scanner', node).hidden = false;
      this.scanner = new QrScanner($('.camera', node), (text) => {
        $('.scanner', node).hidden = true;
        input.value = text;
        verify(text);
      }, (problem) => {
        $('.scanner', node).hidden = true;
        error.textContent = problem;
        error.hidden = false;
      }, 'type the digits instead');
      await this.scanner.start();
    });
    $('.stop-scan', node).addEventListener('click', () => {
      this.scanner?.stop();
      $('.scanner', node).hidden = true;
    });
    $('.refresh-keys', node).addEventListener('click', () => this.refreshKeys(id));
    $('.back-to-chat', node).addEventListener('click', () => this.openChat(id));
    this.setPane(node, 'info', id);
    this.renderInfo(this.service.chat(id));
  }

  renderInfo(chat) {
    const pane = $('#pane');
    $('.info-name', pane).textContent = chat.name;
    $('.verified-badge', pane).hidden = !chat.verified;
    const info = $('.key-info', pane);
    info.textContent = keyInfo(chat);
    info.dataset.epoch = String(chat.epoch);
    $('.refresh-keys', pane).disabled = chat.rekeying;
  }

  renderHeader(chat) {
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
    $('.verified-badge', pane).hidden = !chat.verified;
    const header = $('.chat-header', pane);
    header.dataset.epoch = String(chat.epoch);
    header.dataset.rekeying = String(chat.rekeying);
    $('.chat-info', pane).disabled = chat.phase !== 'active';
    $('.refresh-keys', pane).disabled = chat.phase !== 'active' || chat.rekeying;
    $('.refresh-keys', pane).title = chat.phase === 'active' ? keyInfo(chat) : '';
  }

  appendMessage(m) {
    const list = $('#pane .messages');
    if (!list || list.querySelector(`[data-id="${CSS.escape(m.id)}"][data-dir="${m.dir}"]`)) return;
    const li = document.createElement('li');
    li.className = `message ${m.dir}`;
    li.dataset.id = m.id;
    li.dataset.dir = m.dir;
    const text = document.createElement('p');
    text.className = 'text';
    text.textContent = m.text;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = time(m.ts);
    if (m.dir === 'out') {
      const tick = document.createElement('span');
      tick.className = 'tick';
      meta.append(' ', tick);
      li.append(text, meta);
      this.setTick(li, m.status);
    } else {
      li.append(text, meta);
    }
    list.append(li);
    list.scrollTop = list.scrollHeight;
  }

  updateTick(id, status) {
    const li = $(`#pane .messages [data-id="${CSS.escape(id)}"][data-dir="out"]`);
    if (li) this.setTick(li, status);
  }

  setTick(li, status) {
    li.dataset.status = status;
    const tick = $('.tick', li);
    tick.className = `tick ${status}`;
    tick.textContent = TICKS[status];
    tick.title = TICK_WORDS[status];
  }
}
