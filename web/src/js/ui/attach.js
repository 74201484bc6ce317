// Attaching a file in the conversation: the file picker button, a file dropped onto the conversation, or an image
// pasted into the message box. Nothing is sent at once: a preview shows what was picked (the picture itself when it
// is one the page may decode) with Send and Cancel.
// Its DOM hooks are listed with the others at the top of file-view.js.
import { inlineProblem } from '../image-header.js';
import { formatSize, sizeProblem } from '../file-manifest.js';
import { $ } from './dom.js';

export function wireAttach(app, id, node) {
  const input = $('#attach-input', node);
  const preview = $('.attach-preview', node);
  const error = $('.composer-error', node);
  let pending = null;
  let thumbUrl = null;

  const clear = () => {
    pending = null;
    preview.hidden = true;
    if (thumbUrl) URL.revokeObjectURL(thumbUrl);
    thumbUrl = null;
    $('.attach-thumb', preview).hidden = true;
    $('.attach-thumb', preview).removeAttribute('src');
    input.value = '';
  };

  const offer = async (file, name = file.name) => {
    clear();
    const problem = sizeProblem(file.size);
    if (problem) {
      error.textContent = `Cannot send ${name}: ${problem}.`;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    pending = { file, name };
    $('.attach-name', preview).textContent = name;
    $('.attach-size', preview).textContent = formatSize(file.size);
    preview.hidden = false;
    $('.attach-send', preview).focus();
    // only a small head is read for the check; the picture itself is decoded by the <img> when it passes
    const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
    if (pending?.file === file && inlineProblem(file.type, head) === null) {
      thumbUrl = URL.createObjectURL(file);
      $('.attach-thumb', preview).src = thumbUrl;
      $('.attach-thumb', preview).hidden = false;
    }
  };

  $('.attach-button', node).addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    if (input.files.length > 0) offer(input.files[0]);
  });
  $('.attach-cancel', preview).addEventListener('click', clear);
  $('.attach-send', preview).addEventListener('click', async () => {
    if (!pending) return;
    const { file, name } = pending;
    clear();
    try {
      await app.service.sendFile(id, file, name);
      error.hidden = true;
    } catch (e) {
      error.textContent = `Cannot send ${name}: ${e.message}.`;
      error.hidden = false;
    }
  });

  const view = node;
  view.addEventListener('dragover', (event) => {
    if (![...event.dataTransfer.types].includes('Files')) return;
    event.preventDefault();
    view.classList.add('dragging');
  });
  view.addEventListener('dragleave', (event) => {
    if (!view.contains(event.relatedTarget)) view.classList.remove('dragging');
  });
  view.addEventListener('drop', (event) => {
    view.classList.remove('dragging');
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    offer(event.dataTransfer.files[0]);
  });
  $('.message-input', node).addEventListener('paste', (event) => {
    const file = [...event.clipboardData.files].find((f) => f.type.startsWith('image/'));
    if (!file) return; // text is pasted as usual
    event.preventDefault();
    const extension = file.type === 'image/jpeg' ? 'jpg' : file.type.slice('image/'.length).replace(/[^a-z0-9]/g, '');
    offer(file, file.name && file.name !== 'image.png' ? file.name : `pasted image.${extension || 'png'}`);
  });
}
