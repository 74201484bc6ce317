// A file message in the conversation (docs/protocol.md section 9): a picture inline once it is here, anything else
// as a card to save, with the transfer's progress and its commands. Names and problems from the network are
// textContent; a picture is decoded only when its type and signature agree and its header says at most 40
// megapixels (image-header.js), and only through a Blob URL of bytes that passed the file's digest.
//
// DOM hooks (stable, for the browser tests):
//   li.message[data-transfer=<state>]   the file message; state is the service's (sending, delivered, cancelled,
//                                       unsupported, offered, downloading, paused, complete, failed, gone)
//   .file-card                          the card: .file-name, .file-size, .transfer-state, .transfer-problem
//   .file-card .download                saves the file (a Blob and <a download>), once it is here
//   .file-card .get-file                fetches an offered file (one over the automatic-download size)
//   .transfer-progress                  a <progress> while sending or receiving (value = chunks, max = count)
//   .file-card .pause / .resume         pause and resume a download; .cancel-transfer cancels sending
//   img.inline-image                    a picture shown inline
//   #attach-input                       the composer's file input (attach.js); .attach-button opens it
//   .attach-preview                     what is about to be sent: .attach-name, .attach-size, img.attach-thumb,
//                                       .attach-send and .attach-cancel; .chat-view.dragging while a file is over it
//   #auto-download                      the start screen's automatic-download size, in MiB
//   #chat-list .preview                 "Photo" or the file's name for a chat whose last message is a file
import { inlineProblem } from '../image-header.js';
import { formatSize } from '../file-manifest.js';

// delivered: the message's two ticks already say so
const STATE_WORDS = {
  sending: 'sending', delivered: '', cancelled: 'cancelled', unsupported: 'not received',
  offered: 'not downloaded yet', downloading: 'downloading', paused: 'paused', complete: '', failed: 'failed',
  gone: 'no longer available',
};
/** A file the page holds all of: the receiver's complete one, or the sender's own copy. */
const HERE = (m) => (m.dir === 'in' ? m.transfer.state === 'complete' : m.transfer.state !== 'cancelled');
const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];

/** Blob URLs of the pictures on screen, revoked when the conversation is left. */
const shownUrls = new Set();

export function revokePictures() {
  for (const url of shownUrls) URL.revokeObjectURL(url);
  shownUrls.clear();
}

/** True when a message's file is announced as a picture (for the chat list's "Photo"). */
export function isPicture(file) {
  return PICTURE_TYPES.includes(file.type);
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(className, text, onClick) {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** The file part of a message's bubble. */
export function renderFile(app, chatId, m) {
  const box = el('div', 'file-box');
  updateFile(app, chatId, m, box);
  return box;
}

/** Redraws a file message's part for its new state (called on every 'transfer-changed'). */
export function updateFile(app, chatId, m, box) {
  const li = box.closest('li.message');
  if (li) li.dataset.transfer = m.transfer.state;
  box.dataset.transfer = m.transfer.state;
  const card = el('div', 'file-card');
  const title = el('p', 'file-title');
  title.append(el('span', 'file-name', m.file.name), ' ', el('span', 'file-size', `(${formatSize(m.file.size)})`));
  card.append(title);
  const t = m.transfer;
  if (['sending', 'downloading', 'paused'].includes(t.state)) {
    const progress = el('progress', 'transfer-progress');
    progress.max = m.file.count;
    progress.value = t.held;
    progress.setAttribute('aria-label', `${m.file.name}: ${t.held} of ${m.file.count} parts`);
    card.append(progress);
  }
  const words = STATE_WORDS[t.state];
  if (words) card.append(el('span', 'transfer-state', words));
  if (t.problem) card.append(el('p', 'transfer-problem', t.problem));
  const actions = el('div', 'file-actions');
  const act = (work) => work().catch((e) => app.banner(e.message));
  if (t.state === 'sending' || t.state === 'unsupported') {
    actions.append(button('cancel-transfer danger', 'Cancel', () => act(() => app.service.cancelFile(chatId, m.id))));
  }
  if (t.state === 'offered') {
    actions.append(button('get-file primary', `Download (${formatSize(m.file.size)})`,
      () => act(() => app.service.download(chatId, m.id))));
  }
  if (t.state === 'downloading') actions.append(button('pause', 'Pause', () => act(() => app.service.pause(chatId, m.id))));
  if (t.state === 'paused') actions.append(button('resume', 'Resume', () => act(() => app.service.download(chatId, m.id))));
  if (HERE(m)) actions.append(button('download', 'Save', () => act(() => save(app, chatId, m))));
  if (actions.childElementCount > 0) card.append(actions);
  const picture = box.querySelector('img.inline-image');
  box.replaceChildren(card);
  if (picture) box.prepend(picture);
  else if (HERE(m) && isPicture(m.file)) showPicture(app, chatId, m, box);
}

/** Decrypts the file and shows it inline when it is a picture the page may decode. */
async function showPicture(app, chatId, m, box) {
  let blob;
  try {
    blob = await app.service.fileBlob(chatId, m.id, m.dir);
  } catch {
    return; // stays a card: Save says why
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const problem = inlineProblem(m.file.type, bytes);
  if (problem !== null || !box.isConnected || box.querySelector('img.inline-image')) {
    if (problem !== null && problem !== 'not a picture') box.querySelector('.file-card')?.append(el('p', 'hint', problem));
    return;
  }
  const url = URL.createObjectURL(blob);
  shownUrls.add(url);
  const img = el('img', 'inline-image');
  img.alt = m.file.name;
  img.src = url;
  box.prepend(img);
  box.classList.add('has-picture');
}

/** Saves the decrypted file through a Blob and <a download>, under its own name. */
async function save(app, chatId, m) {
  const blob = await app.service.fileBlob(chatId, m.id, m.dir);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = m.file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000); // the download has started by then
}
