// A file to send with the next message (its text becomes the caption): chosen or pasted, shown
// with a preview and its size, and uploaded with its progress.

import { sendForm } from '../lib/api.js';
import { $, el } from '../lib/dom.js';
import { fill } from '../lib/strings.js';
import {
  composer, composerAttach, composerAttachment, composerError, composerFile, composerProgress,
  composerText,
} from './elements.js';
import { icon, lang, t } from './format.js';
import { hooks } from './hooks.js';
import { state } from './state.js';

const fmtSize = {
  B: new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'narrow' }),
  kB: new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }),
  MB: new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }),
};
const fmtPercent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });

function sizeText(bytes) {
  if (bytes < 1000) return fmtSize.B.format(bytes);
  if (bytes < 1000 * 1000) return fmtSize.kB.format(bytes / 1000);
  return fmtSize.MB.format(bytes / (1000 * 1000));
}

function attachmentKind(file) {
  const type = file.type || '';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'document';
}

let thumbUrl = null;

export function paintAttachment() {
  const file = state.file;
  composerAttachment.hidden = !file;
  composer.classList.toggle('has-attachment', Boolean(file));
  if (!file) return;
  $('composer-attachment-name').textContent = file.name;
  $('composer-attachment-size').textContent = sizeText(file.size);
  const thumb = $('composer-attachment-thumb');
  const kind = attachmentKind(file);
  thumb.className = `composer__attachment-thumb composer__attachment-thumb--${kind}`;
  if (thumbUrl) URL.revokeObjectURL(thumbUrl);
  thumbUrl = null;
  if (kind === 'image') {
    // A canned response's file is on the server already; a chosen one is shown from memory.
    if (!file.canned) thumbUrl = URL.createObjectURL(file);
    const img = el('img');
    img.alt = '';
    img.src = file.canned ? file.url : thumbUrl;
    thumb.replaceChildren(img);
  } else {
    thumb.replaceChildren(icon(kind));
  }
}

function setAttachment(file) {
  state.file = file;
  paintAttachment();
  if (!composerText.disabled) composerText.placeholder = file ? t('composer-caption') : t('composer-placeholder');
  if (composerError.textContent) {
    composerError.textContent = '';
    composerText.removeAttribute('aria-invalid');
  }
  hooks.updateCounter();
}

/**
 * Attaches a canned response's stored file as the composer's chip: sending names the response
 * and the server sends the stored file, so nothing is uploaded again.
 */
export function attachCanned(response) {
  const file = response.attachment;
  setAttachment({ name: file.filename, size: file.size, type: file.mime_type, url: file.url, canned: response.id });
}

export function clearAttachment() {
  if (!state.file && composerAttachment.hidden) return;
  composerFile.value = '';
  setAttachment(null);
  if (thumbUrl) URL.revokeObjectURL(thumbUrl);
  thumbUrl = null;
  $('composer-attachment-thumb').replaceChildren();
}

export function setUploadProgress(fraction) {
  composer.classList.add('is-uploading');
  composerProgress.hidden = false;
  if (fraction === null) {
    composerProgress.removeAttribute('value');
    return;
  }
  composerProgress.value = Math.round(fraction * 100);
  $('composer-attachment-size').textContent = fill(t('uploading'), { percent: fmtPercent.format(fraction) });
}

/** Sends a file with its caption as multipart/form-data, showing the upload progress. */
export function upload(path, file, text, replyTo) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('text', text);
  if (replyTo) form.append('reply_to', replyTo);
  return sendForm('POST', path, form, setUploadProgress);
}

composerAttach.addEventListener('click', () => {
  if (composerText.disabled || state.sending) return;
  composerFile.click();
});

composerFile.addEventListener('change', () => {
  const file = composerFile.files && composerFile.files[0];
  if (!file) return;
  setAttachment(file);
  composerText.focus();
});

$('composer-attachment-remove').addEventListener('click', () => {
  if (state.sending) return;
  clearAttachment();
  composerText.focus();
});

// Pasting a file (a screenshot) attaches it.
composerText.addEventListener('paste', (event) => {
  const file = event.clipboardData && event.clipboardData.files && event.clipboardData.files[0];
  if (!file || state.sending) return;
  event.preventDefault();
  setAttachment(file);
});
