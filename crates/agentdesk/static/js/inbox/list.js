// The conversation list of the current view and filters: loaded a page at a time, latest activity
// first, updated in place, with unread marks and keyboard navigation.

import { api, errorMessage } from '../lib/api.js';
import { $, el } from '../lib/dom.js';
import { knowsAgent, scheduleAgents } from './agents.js';
import { listEl, listEmpty, listEmptyBody, listError, listErrorText, listItems, listLoading } from './elements.js';
import {
  cloneTemplate, contactName, fmtDateTime, listTime, paintAgentAvatar, paintContactAvatar,
  phoneText, t,
} from './format.js';
import { hooks } from './hooks.js';
import { agentName, isUnread, matchesFilters, saveSeen, seen, state, windowIsOpen } from './state.js';

export function showListState() {
  const empty = state.listLoaded && state.list.size === 0 && listError.hidden;
  listLoading.hidden = state.listLoaded || !listError.hidden;
  listEmpty.hidden = !empty;
  if (empty) {
    listEmptyBody.textContent = state.status === 'closed' ? t('empty-closed') : t(`empty-${state.view}`);
  }
  listEl.setAttribute('aria-busy', String(!state.listLoaded));
}

/** Conversations and messages come in pages of this many. */
export const PAGE = 50;

function listQuery(before = null) {
  const query = new URLSearchParams({ view: state.view, limit: String(PAGE) });
  if (state.status) query.set('status', state.status);
  if (state.numberId) query.set('number_id', state.numberId);
  if (before) query.set('before', before);
  return query;
}

/** The next page of the list, when the agent scrolls near its end. */
async function loadMoreList() {
  if (!state.listCursor || state.listMore) return;
  const token = state.listToken;
  state.listMore = true;
  $('list-more').hidden = false;
  const { ok, data } = await api('GET', `/api/v1/conversations?${listQuery(state.listCursor)}`);
  state.listMore = false;
  $('list-more').hidden = true;
  if (token !== state.listToken || !ok || !Array.isArray(data)) return;
  if (data.some((c) => !knowsAgent(c.assignee_id))) scheduleAgents();
  for (const c of data) if (!state.list.has(c.id)) state.list.set(c.id, c);
  state.listCursor = data.length === PAGE ? data[data.length - 1].cursor : null;
  renderList();
}

const listScroll = $('conversation-panel');
listScroll.addEventListener('scroll', () => {
  if (listScroll.scrollHeight - listScroll.scrollTop - listScroll.clientHeight < 200) loadMoreList();
});

export async function loadList() {
  const token = ++state.listToken;
  state.listLoaded = false;
  listError.hidden = true;
  showListState();
  state.listCursor = null;
  const { ok, status, data } = await api('GET', `/api/v1/conversations?${listQuery()}`);
  if (token !== state.listToken) return;
  if (status === 401) {
    location.assign('/login');
    return;
  }
  if (!ok || !Array.isArray(data)) {
    state.listLoaded = true;
    listErrorText.textContent = status === 0 ? t('network') : errorMessage(data, t('network'));
    listError.hidden = false;
    state.list.clear();
    renderList();
    return;
  }
  if (data.some((c) => !knowsAgent(c.assignee_id))) scheduleAgents();
  state.list = new Map(data.map((c) => [c.id, c]));
  state.listCursor = data.length === PAGE ? data[data.length - 1].cursor : null;
  if (state.seenFirstRun) {
    // The first time this browser opens the inbox nothing counts as new.
    state.seenFirstRun = false;
    for (const c of data) seen.set(c.id, Date.parse(c.last_activity_at));
    saveSeen();
  }
  state.listLoaded = true;
  renderList();
}

function sortedList() {
  return [...state.list.values()].sort(
    (a, b) => Date.parse(b.last_activity_at) - Date.parse(a.last_activity_at) || b.id - a.id,
  );
}

export function paintConversation(item, c) {
  if (!item || !c) return;
  const link = item.querySelector('.conv__link');
  link.href = `/inbox?c=${c.id}`;
  item.dataset.conversationId = String(c.id);
  item.dataset.status = c.status;
  const active = c.id === state.openId;
  item.classList.toggle('is-active', active);
  if (active) link.setAttribute('aria-current', 'true');
  else link.removeAttribute('aria-current');
  const unread = isUnread(c);
  item.classList.toggle('is-unread', unread);
  item.classList.toggle('is-closed', c.status === 'closed');
  paintContactAvatar(item.querySelector('.conv__avatar'), c);
  item.querySelector('.conv__name').textContent = contactName(c);
  const time = item.querySelector('.conv__time');
  const at = new Date(c.last_activity_at);
  time.dateTime = c.last_activity_at;
  time.textContent = listTime(at);
  time.title = fmtDateTime.format(at);
  const number = state.numbers.get(c.number.id);
  const sub = item.querySelector('.conv__sub');
  sub.textContent = '';
  if (c.status === 'closed') sub.append(el('span', 'conv__closed', t('status-closed')));
  const label = el('bdi', null, number ? number.name : phoneText(c.contact.phone));
  label.dir = number ? 'auto' : 'ltr';
  sub.append(label);
  const windowFlag = item.querySelector('.conv__flag--window');
  windowFlag.hidden = c.status !== 'open' || windowIsOpen(c);
  windowFlag.title = t('window-closed-short');
  item.querySelector('.conv__unread').hidden = !unread;
  const assignee = item.querySelector('.conv__assignee');
  const agent = c.assignee_id !== null ? state.agents.get(c.assignee_id) : null;
  paintAgentAvatar(assignee, c.assignee_id !== null ? agent || { initials: '?', avatar_color: 0 } : null);
  assignee.title = c.assignee_id !== null ? agentName(c.assignee_id) : t('unassigned');
  let sr = item.querySelector('.conv__sr');
  if (!sr) {
    sr = el('span', 'sr-only conv__sr');
    link.append(sr);
  }
  sr.textContent = `${assignee.title}${unread ? ' •' : ''}`;
}

export function renderList() {
  const ordered = sortedList();
  const focused = document.activeElement;
  const wanted = new Set(ordered.map((c) => c.id));
  for (const [id, item] of listItems) {
    if (!wanted.has(id)) {
      item.remove();
      listItems.delete(id);
    }
  }
  let previous = null;
  for (const c of ordered) {
    let item = listItems.get(c.id);
    if (!item) {
      item = cloneTemplate('tpl-conversation');
      listItems.set(c.id, item);
    }
    paintConversation(item, c);
    const expectedNext = previous ? previous.nextElementSibling : listEl.firstElementChild;
    if (expectedNext !== item) {
      if (previous) previous.after(item);
      else listEl.prepend(item);
    }
    previous = item;
  }
  if (focused instanceof HTMLElement && listEl.contains(focused) && document.activeElement !== focused) {
    focused.focus({ preventScroll: true });
  }
  showListState();
}

/** Puts a changed conversation in the list, or takes it out when it no longer belongs there. */
export function updateListWith(conversation) {
  if (matchesFilters(conversation)) state.list.set(conversation.id, conversation);
  else state.list.delete(conversation.id);
  renderList();
}

export function markSeen(conversation) {
  if (!conversation) return;
  const at = Date.parse(conversation.last_activity_at);
  if ((seen.get(conversation.id) || 0) >= at) return;
  seen.set(conversation.id, at);
  saveSeen();
  const item = listItems.get(conversation.id);
  if (item) paintConversation(item, conversation);
}

listEl.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.conv__link') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
  event.preventDefault();
  const id = Number(link.closest('[data-conversation-id]')?.dataset.conversationId);
  if (id) hooks.openConversation(id, { push: true });
});

listEl.addEventListener('keydown', (event) => {
  const links = [...listEl.querySelectorAll('.conv__link')];
  const index = links.indexOf(document.activeElement);
  if (index === -1) return;
  let next = null;
  if (event.key === 'ArrowDown') next = links[Math.min(index + 1, links.length - 1)];
  else if (event.key === 'ArrowUp') next = links[Math.max(index - 1, 0)];
  else if (event.key === 'Home') next = links[0];
  else if (event.key === 'End') next = links[links.length - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
});

$('list-retry').addEventListener('click', () => loadList());
