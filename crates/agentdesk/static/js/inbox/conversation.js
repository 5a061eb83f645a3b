// Opening and closing a conversation (also through the browser's history), loading older messages
// when the agent scrolls up to them, and loading the open one again after a change.

import { api, errorMessage } from '../lib/api.js';
import { $ } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { knowsAgent } from './agents.js';
import { clearAttachment } from './attachments.js';
import { closePicker } from './canned.js';
import { clearReply, drafts, startReply, updateCounter } from './composer.js';
import { detailsShown } from './details.js';
import {
  chat, chatScroll, composerError, composerText, detailsToggle, jumpLatest, listEl, listItems,
  messagesEl, placeholder,
} from './elements.js';
import { root, t } from './format.js';
import { paintHeader } from './header.js';
import { markSeen, PAGE, paintConversation, renderList } from './list.js';
import { state } from './state.js';
import { nearBottom, renderTimeline } from './timeline.js';

chatScroll.addEventListener('scroll', () => {
  if (chatScroll.scrollTop < 240) loadOlder();
  if (nearBottom()) jumpLatest.hidden = true;
});

/** The page of messages before the oldest one shown, when the agent scrolls up to it. */
async function loadOlder() {
  if (!state.olderBefore || state.loadingOlder || !state.open) return;
  const id = state.open.id;
  const token = state.openToken;
  state.loadingOlder = true;
  $('older-status').hidden = false;
  const { ok, data } = await api('GET', `/api/v1/conversations/${id}/messages?limit=${PAGE}&before=${state.olderBefore}`);
  state.loadingOlder = false;
  $('older-status').hidden = true;
  if (token !== state.openToken || !ok || !Array.isArray(data)) return;
  for (const m of data) {
    if (m.sender_id) knowsAgent(m.sender_id);
    state.messages.set(m.id, m);
  }
  state.olderBefore = data.length === PAGE ? data[0].id : null;
  renderTimeline({ keepFromBottom: true });
}

function showChat(show) {
  placeholder.hidden = show;
  chat.hidden = !show;
  root.classList.toggle('has-conversation', show);
  root.classList.toggle('is-showing-chat', show);
}

export async function openConversation(id, { push = false, focus = true } = {}) {
  const token = ++state.openToken;
  const switching = state.openId !== id;
  state.openId = id;
  if (switching) {
    state.messages = new Map();
    state.olderBefore = null;
    state.timeline = [];
    state.lastEntry = null;
    state.mediaNodes = new Map();
    messagesEl.replaceChildren();
    clearReply();
    clearAttachment();
    closePicker();
    state.canned = null;
    composerText.value = drafts.get(id) || '';
    updateCounter();
    composerError.textContent = '';
    chat.classList.add('is-loading');
  }
  const fromList = state.list.get(id);
  if (fromList) {
    state.open = fromList;
    paintHeader();
  }
  showChat(true);
  if (push) history.pushState({ c: id }, '', `/inbox?c=${id}`);
  for (const [cid, item] of listItems) paintConversation(item, state.list.get(cid));

  const [detail, list] = await Promise.all([
    api('GET', `/api/v1/conversations/${id}`),
    api('GET', `/api/v1/conversations/${id}/messages?limit=${PAGE}`),
  ]);
  if (token !== state.openToken) return;
  chat.classList.remove('is-loading');
  if (!detail.ok || !list.ok) {
    const failed = detail.ok ? list : detail;
    toast(failed.status === 0 ? t('network') : errorMessage(failed.data, t('network')), 'error');
    if (detail.status === 404) {
      // Gone (merged into another conversation of the same customer, or not ours): out of the list.
      state.list.delete(id);
      renderList();
      closeConversation({ push: true });
    }
    return;
  }
  state.open = detail.data.conversation;
  state.timeline = detail.data.timeline || [];
  for (const e of state.timeline) {
    knowsAgent(e.actor_id);
    knowsAgent(e.subject_id);
  }
  state.messages = new Map((list.data || []).map((m) => [m.id, m]));
  state.olderBefore = (list.data || []).length === PAGE ? list.data[0].id : null;
  paintHeader();
  renderTimeline({ stick: true });
  if (state.list.has(id)) state.list.set(id, state.open);
  markSeen(state.open);
  if (focus && !composerText.disabled && window.matchMedia('(pointer: fine)').matches) {
    composerText.focus({ preventScroll: true });
  }
}

function closeConversation({ push = false } = {}) {
  state.openToken += 1;
  state.openId = null;
  state.open = null;
  state.messages = new Map();
  state.timeline = [];
  state.lastEntry = null;
  state.mediaNodes = new Map();
  messagesEl.replaceChildren();
  clearAttachment();
  showChat(false);
  root.classList.remove('is-details-open');
  detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
  if (push) history.pushState({}, '', '/inbox');
  for (const [cid, item] of listItems) paintConversation(item, state.list.get(cid));
}

let detailTimer = 0;
/** Reloads the open conversation's timeline soon (after an assignment or status change). */
export function scheduleDetail() {
  clearTimeout(detailTimer);
  detailTimer = setTimeout(async () => {
    if (!state.openId) return;
    const id = state.openId;
    const { ok, data } = await api('GET', `/api/v1/conversations/${id}`);
    if (!ok || !data || state.openId !== id) return;
    state.open = data.conversation;
    state.timeline = data.timeline || [];
    for (const e of state.timeline) {
      knowsAgent(e.actor_id);
      knowsAgent(e.subject_id);
    }
    paintHeader();
    renderTimeline();
  }, 200);
}

$('conversation-back').addEventListener('click', () => {
  const id = state.openId;
  closeConversation({ push: true });
  listEl.querySelector(`[data-conversation-id="${id}"] .conv__link`)?.focus();
});

window.addEventListener('popstate', () => {
  const id = Number(new URLSearchParams(location.search).get('c'));
  if (id) openConversation(id);
  else closeConversation();
});

messagesEl.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const quote = target?.closest('.quote[data-target]');
  if (quote) {
    const item = messagesEl.querySelector(`[data-message-id="${quote.dataset.target}"]`);
    if (item) {
      item.scrollIntoView({ block: 'center', behavior: 'smooth' });
      item.classList.remove('is-flash');
      // Restart the highlight animation.
      void item.offsetWidth;
      item.classList.add('is-flash');
    }
    return;
  }
  const reply = target?.closest('.msg__reply-btn');
  if (reply) {
    const id = Number(reply.closest('[data-message-id]')?.dataset.messageId);
    const m = state.messages.get(id);
    if (m) startReply(m);
  }
});
