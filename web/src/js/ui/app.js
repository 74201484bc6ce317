// The page's shell: the top bar, the banner, which screen the pane shows, and the service's events routed to the
// screens (chat-list.js, conversation.js, invite-view.js, join-view.js, safety-view.js). Only reads service
// snapshots and sends commands; every text from the network goes into the DOM as textContent, never as markup.
import { LastMessages, renderList, showLastMessage } from './chat-list.js';
import { appendMessage, renderHeader, showConversation, updateTick, updateTransfer } from './conversation.js';
import { $, fromTemplate } from './dom.js';
import { createInvite, showInvite } from './invite-view.js';
import { showJoin } from './join-view.js';
import { renderInfo, showInfo } from './safety-view.js';

export class App {
  constructor(service, settings) {
    this.service = service;
    this.settings = settings;
    this.view = 'welcome';
    this.selected = null;
    this.scanner = null;
    this.lastMessages = new LastMessages(service, () => this.renderList());
    service.on((type, ...args) => this.onEvent(type, ...args));
    $('#new-invite').addEventListener('click', () => createInvite(this));
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
        if (type === 'chat-removed') this.lastMessages.removed(args[0]);
        this.renderList();
        if (type === 'chat-removed' && args[0] === this.selected) this.showWelcome(args[1] === 'deleted' ? null : args[1]);
        else if (args[0]?.id === this.selected) this.onSelectedChanged(args[0]);
        break;
      case 'message-added':
        this.lastMessages.added(args[0], args[1]);
        showLastMessage(this, args[0]);
        if (args[0] === this.selected && this.view === 'chat') {
          appendMessage(this, args[1]);
          if (!document.hidden) this.service.markRead(args[0]);
        }
        if (args[1].dir === 'in') this.notify(args[0], args[1]);
        break;
      case 'transfer-changed':
        if (args[0] === this.selected && this.view === 'chat') updateTransfer(this, args[1]);
        break;
      case 'delivery-changed':
        if (args[0] === this.selected) updateTick(args[1], args[2]);
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

  notify(chatId) {
    if (!document.hidden || !('Notification' in globalThis) || Notification.permission !== 'granted') return;
    const chat = this.service.chat(chatId);
    // the text stays out of the notification: lock screens show notifications to anyone nearby
    const n = new Notification(`Parley: ${chat.name}`, { body: 'New message', tag: chatId });
    n.onclick = () => {
      globalThis.focus();
      this.openChat(chatId);
    };
  }

  renderList() {
    renderList(this);
  }

  /** Shows `node` in the pane as screen `view` (of chat `selected`), stopping a camera the last screen used. */
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
    const limit = $('#auto-download', node);
    limit.value = String(Math.round(this.service.autoDownloadLimit() / (1024 * 1024)));
    limit.addEventListener('change', () => {
      const problem = this.settings.setAutoDownloadMiB(limit.value);
      this.banner(problem === null ? null : `The automatic download size was not kept: ${problem}.`);
    });
    this.setPane(node, 'welcome');
    this.banner(message);
  }

  showJoin(link) {
    showJoin(this, link);
  }

  /** The chat's screen: its invite while nobody has joined, else the conversation. */
  openChat(id) {
    this.banner(null);
    const chat = this.service.chat(id);
    if (chat.phase === 'invited') showInvite(this, chat);
    else showConversation(this, id);
  }

  showInfo(id) {
    return showInfo(this, id);
  }

  onSelectedChanged(chat) {
    if (this.view === 'invite' && chat.phase !== 'invited') this.openChat(chat.id);
    else if (this.view === 'invite' && !$('.not-live', $('#pane')).hidden) showInvite(this, chat); // live, or why not
    else if (this.view === 'chat') renderHeader(chat);
    else if (this.view === 'info') renderInfo(chat);
  }

  async refreshKeys(id) {
    try {
      await this.service.rekey(id);
    } catch (e) {
      this.banner(`Could not refresh the keys: ${e.message}`);
    }
  }
}
