// The composer: the text with its length limit, a draft per conversation, the message replied
// to, and sending.

import { api, errorMessage } from '../lib/api.js';
import { $ } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { clearAttachment, paintAttachment, setUploadProgress, upload } from './attachments.js';
import { closePicker } from './canned.js';
import {
  composer, composerAttach, composerCount, composerError, composerProgress, composerReply,
  composerSend, composerText,
} from './elements.js';
import { t } from './format.js';
import { hooks } from './hooks.js';
import { state } from './state.js';
import { authorOf, messageSummary, scrollToBottom, upsertMessage } from './timeline.js';

const MAX_TEXT = Number(composerCount.dataset.max) || 4096;
/** WhatsApp's limit for the caption of a photo, video or document. */
const MAX_CAPTION = Number(composerCount.dataset.maxCaption) || 1024;

function maxText() {
  return state.file ? MAX_CAPTION : MAX_TEXT;
}
/** Unsent text per conversation, kept while the page is open. */
export const drafts = new Map();

function length(text) {
  return [...text].length;
}

export function updateCounter() {
  const used = length(composerText.value);
  const max = maxText();
  // A caption's limit is low enough to show all along; a text's only when it comes near.
  composerCount.hidden = !state.file && used < max - 600;
  composerCount.textContent = `${used} / ${max}`;
  composerCount.classList.toggle('is-near', used >= max - 100 && used <= max);
  composerCount.classList.toggle('is-over', used > max);
}

export function startReply(m) {
  if (composerText.disabled) return;
  state.replyTo = m;
  $('composer-reply-author').textContent = authorOf(m);
  $('composer-reply-text').textContent = messageSummary(m);
  composerReply.hidden = false;
  composerText.focus();
}

export function clearReply() {
  state.replyTo = null;
  composerReply.hidden = true;
}

$('composer-reply-cancel').addEventListener('click', () => {
  clearReply();
  composerText.focus();
});

composerText.addEventListener('input', () => {
  updateCounter();
  if (composerError.textContent) {
    composerError.textContent = '';
    composerText.removeAttribute('aria-invalid');
  }
  if (state.openId) drafts.set(state.openId, composerText.value);
});

composerText.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.replyTo) {
    event.preventDefault();
    clearReply();
    return;
  }
  // Enter sends; Shift+Enter (and Enter while an input method is composing) makes a new line.
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  composer.requestSubmit();
});

composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (state.sending || !state.open || composerText.disabled) return;
  const text = composerText.value;
  const file = state.file;
  if (!file && !text.trim()) {
    composerText.focus();
    return;
  }
  const conversation = state.open;
  const replyTo = state.replyTo && state.replyTo.wa_message_id ? state.replyTo.wa_message_id : null;
  state.sending = true;
  composerSend.disabled = true;
  composerAttach.disabled = true;
  composer.classList.add('is-sending');
  let result;
  closePicker();
  if (file && file.canned) {
    // A canned response's file: the server sends the stored one, with this text as its caption.
    const body = { canned_response_id: file.canned };
    if (text.trim()) body.text = text;
    if (replyTo) body.reply_to = replyTo;
    result = await api('POST', `/api/v1/conversations/${conversation.id}/messages`, body);
  } else if (file) {
    composerError.textContent = '';
    setUploadProgress(0);
    // The caption is on its way: keep it as sent until the answer.
    composerText.readOnly = true;
    result = await upload(`/api/v1/conversations/${conversation.id}/messages`, file, text, replyTo);
    composerText.readOnly = false;
    composerProgress.hidden = true;
  } else {
    const body = { text };
    if (replyTo) body.reply_to = replyTo;
    // The inserted response is named so its use counts for the picker's ranking.
    if (state.canned) body.canned_response_id = state.canned.id;
    result = await api('POST', `/api/v1/conversations/${conversation.id}/messages`, body);
  }
  const { ok, status, data } = result;
  state.sending = false;
  composer.classList.remove('is-sending', 'is-uploading');
  composerSend.disabled = composerText.disabled;
  composerAttach.disabled = composerText.disabled;
  if (ok && data) {
    if (state.openId === conversation.id) {
      composerText.value = '';
      drafts.delete(conversation.id);
      state.canned = null;
      clearAttachment();
      updateCounter();
      clearReply();
      upsertMessage(data);
      scrollToBottom();
    }
    return;
  }
  if (file) paintAttachment();
  if (state.openId !== conversation.id) return;
  if (status === 422 && data?.error?.fields?.text) {
    composerError.textContent = data.error.fields.text.message || errorMessage(data, '');
    composerText.setAttribute('aria-invalid', 'true');
    composerText.focus();
    return;
  }
  if (file && !file.canned) {
    // 413 file_too_large, 415 unsupported_media_type, 409, 422: the server says what went wrong.
    composerError.textContent = status === 0 ? t('network') : errorMessage(data, t('network'));
    if (status === 409) hooks.scheduleDetail();
    return;
  }
  toast(status === 0 ? t('network') : errorMessage(data, t('network')), 'error');
  if (status === 409) hooks.scheduleDetail();
});
