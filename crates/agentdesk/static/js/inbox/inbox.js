// The inbox: the views (Mine / Unassigned / All) with live counts and filters, the conversation
// list, the open conversation (messages of every WhatsApp type, status ticks, timeline events,
// the 24-hour window) with its composer, assignment and transfer, close and reopen. Live events
// (`/api/v1/events`) keep all of it current without a reload.
// Every visible string comes from the page (`data-t-*` on #inbox, <template> elements); user text is
// only ever written with textContent.

import { api, errorMessage, sendForm } from '../lib/api.js';
import { $, el, setAvatarPicture, svgIcon, userText } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { fill, strings } from '../lib/strings.js';
import { appendFormatted, textDirection } from '../lib/wa-format.js';

const root = document.getElementById('inbox');
const t = strings(root);

// ---------------------------------------------------------------------------------------------
// Strings and formatting

const lang = document.documentElement.lang || undefined;
const fmtTime = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
const fmtWeekday = new Intl.DateTimeFormat(lang, { weekday: 'short' });
const fmtWeekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long' });
const fmtShortDate = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' });
const fmtLongDate = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' });
const fmtDateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const collator = new Intl.Collator(lang, { sensitivity: 'base' });

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Days between the local calendar day of `date` and today (0 today, 1 yesterday). */
function daysAgo(date) {
  return Math.round((startOfDay(new Date()) - startOfDay(date)) / DAY_MS);
}

/** The time in the list: the time today, the weekday this week, else the date. */
function listTime(date) {
  const days = daysAgo(date);
  if (days <= 0) return fmtTime.format(date);
  if (days === 1) return t('yesterday');
  if (days < 7) return fmtWeekday.format(date);
  return fmtShortDate.format(date);
}

function dayLabel(date) {
  const days = daysAgo(date);
  if (days <= 0) return t('today');
  if (days === 1) return t('yesterday');
  if (days < 7) return fmtWeekdayLong.format(date);
  return fmtLongDate.format(date);
}

/** "in 5 hours", "in 20 minutes" — how long until `ms` from now. */
function untilText(ms) {
  const left = ms - Date.now();
  if (left >= 60 * 60 * 1000) return relative.format(Math.floor(left / (60 * 60 * 1000)), 'hour');
  return relative.format(Math.max(1, Math.ceil(left / 60000)), 'minute');
}

function phoneText(phone) {
  if (!phone) return '';
  return phone.startsWith('+') ? phone : `+${phone}`;
}

function contactName(c) {
  return c.contact.name || phoneText(c.contact.phone) || c.contact.customer_id;
}

/** Letters for a customer's avatar: the first letter of the first and last word (one CJK character). */
function contactInitials(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = [...words[0]][0] || '';
  if (/[\u3000-\u9fff\uac00-\ud7af]/.test(first)) return first;
  const last = words.length > 1 ? [...words[words.length - 1]][0] || '' : '';
  return (first + last).toUpperCase();
}

/** A stable avatar colour (0–7) for a customer, from their WhatsApp id. */
function colourOf(text) {
  let hash = 0;
  for (const ch of String(text)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % 8;
}

function setAvatarColour(el, colour) {
  for (const cls of [...el.classList]) {
    if (/^avatar--c\d$/.test(cls)) el.classList.remove(cls);
  }
  if (colour !== null && colour !== undefined) el.classList.add(`avatar--c${colour}`);
}

function paintContactAvatar(el, conversation) {
  const letters = conversation.contact.name ? contactInitials(conversation.contact.name) : '';
  el.textContent = letters;
  el.classList.toggle('avatar--anon', !letters);
  setAvatarColour(el, colourOf(conversation.contact.customer_id));
}

function paintAgentAvatar(el, agent) {
  el.classList.toggle('avatar--none', !agent);
  if (!agent) {
    el.textContent = '';
    setAvatarColour(el, null);
    return;
  }
  el.textContent = agent.initials;
  setAvatarColour(el, agent.avatar_color);
  setAvatarPicture(el, agent.avatar_thumb_url);
}

// ---------------------------------------------------------------------------------------------
// Icons (constant shapes only)

const ICONS = {
  image: ['M4 5.5h16v13H4z', 'M4 15.5l4.5-4.5 4 4 2.5-2.5 5 5', 'M15.5 9.5a1 1 0 1 0 0-.01'],
  video: ['M3.5 6.5h12v11h-12z', 'M15.5 10.5l5-3v9l-5-3'],
  audio: ['M9 17.5V6l10-2v11.5', 'M9 17.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z', 'M19 15.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z'],
  voice: ['M12 3.5a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0v-5a3 3 0 0 1 3-3z', 'M6 11.5a6 6 0 0 0 12 0M12 17.5v3'],
  document: ['M6.5 3h7.5l4.5 4.5V21h-12z', 'M13.5 3v5h5', 'M9 12.5h6M9 16h6'],
  sticker: ['M20.5 12A8.5 8.5 0 1 1 12 3.5c0 0 0 0 0 0h3l5.5 5.5z', 'M9 10h.01M15 10h.01', 'M8.5 14.5c1.8 1.8 5.2 1.8 7 0'],
  location: ['M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z', 'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  contact: ['M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M5 20c.7-3.6 3.4-6 7-6s6.3 2.4 7 6'],
  reply: ['M10 8L5 12.5 10 17', 'M5.5 12.5H14a5 5 0 0 1 5 5V19'],
  list: ['M8 6.5h12M8 12h12M8 17.5h12', 'M4 6.5h.01M4 12h.01M4 17.5h.01'],
  unsupported: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01'],
  clock: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5V12l3 2'],
  check: ['M4.5 12.5l4.5 4.5L19.5 6.5'],
  checks: ['M2 12.5l4.5 4.5L17 6.5', 'M11.5 16l1 1L23 6.5'],
  failed: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5v5.5M12 16.5h.01'],
  external: ['M14 4.5h5.5V10', 'M19.5 4.5L11 13', 'M17.5 14v5.5h-13v-13H10'],
  download: ['M12 4v11', 'M7 10.5l5 5 5-5', 'M5 19.5h14'],
};

const icon = (name, extraClass) => svgIcon(ICONS[name], extraClass);

/** A business number as "Name · +1 555 …": the name in its own direction, the phone number left
 * to right, whatever the page's direction. */
function showNumber(target, number, c, between, after) {
  if (!number) {
    const id = el('bdi', null, c.number.phone_number_id);
    id.dir = 'ltr';
    target.replaceChildren(id);
    return;
  }
  const name = el('bdi', null, number.name);
  name.dir = 'auto';
  const phone = el('bdi', null, number.display_phone_number);
  phone.dir = 'ltr';
  target.replaceChildren(name, document.createTextNode(between), phone, document.createTextNode(after));
}

function cloneTemplate(id) {
  const tpl = document.getElementById(id);
  return tpl.content.firstElementChild.cloneNode(true);
}

// ---------------------------------------------------------------------------------------------
// State

const me = Number(root.dataset.meId);
const STORE_VIEW = 'agentdesk.inbox.filters';
/** Per person: several people may share one browser. */
const STORE_SEEN = `agentdesk.inbox.seen.${me}`;

const state = {
  view: 'mine',
  status: 'open',
  numberId: '',
  /** id → ConversationView, the conversations of the current view and filters. */
  list: new Map(),
  listLoaded: false,
  listToken: 0,
  /** The `cursor` to ask for the list's next page with, while there may be one. */
  listCursor: null,
  listMore: false,
  agents: new Map(),
  numbers: new Map(),
  openId: null,
  openToken: 0,
  /** The open ConversationView. */
  open: null,
  messages: new Map(),
  /** The oldest loaded message's id while older ones are still to load, else null. */
  olderBefore: null,
  loadingOlder: false,
  timeline: [],
  replyTo: null,
  sending: false,
  /** The File chosen to send with the next message (the text is its caption). */
  file: null,
};

function readJson(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be full or disabled; these are conveniences.
  }
}

{
  const saved = readJson(STORE_VIEW, null);
  if (saved && ['mine', 'unassigned', 'all'].includes(saved.view)) state.view = saved.view;
  if (saved && ['open', 'closed', ''].includes(saved.status)) state.status = saved.status;
  if (saved && typeof saved.numberId === 'string') state.numberId = saved.numberId;
}

/** Conversation id → the last activity the agent has seen (ms). Missing: never opened. */
let seenFirstRun = false;
const seen = (() => {
  const stored = readJson(STORE_SEEN, null);
  if (stored === null) seenFirstRun = true;
  return new Map(Object.entries(stored || {}).map(([k, v]) => [Number(k), Number(v)]));
})();

function saveSeen() {
  // Keep the most recent few hundred entries.
  const entries = [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 500);
  writeJson(STORE_SEEN, Object.fromEntries(entries));
}

function markSeen(conversation) {
  if (!conversation) return;
  const at = Date.parse(conversation.last_activity_at);
  if ((seen.get(conversation.id) || 0) >= at) return;
  seen.set(conversation.id, at);
  saveSeen();
  const item = listItems.get(conversation.id);
  if (item) paintConversation(item, conversation);
}

function isUnread(conversation) {
  if (conversation.id === state.openId && document.visibilityState === 'visible') return false;
  return Date.parse(conversation.last_activity_at) > (seen.get(conversation.id) || 0);
}

function agentName(id) {
  const agent = state.agents.get(id);
  if (!agent) return t('someone');
  return `${agent.first_name} ${agent.last_name}`.trim();
}

function windowIsOpen(conversation) {
  if (!conversation.window_open || !conversation.window_closes_at) return false;
  return Date.parse(conversation.window_closes_at) > Date.now();
}

function matchesFilters(conversation) {
  if (state.view === 'mine' && conversation.assignee_id !== me) return false;
  if (state.view === 'unassigned' && conversation.assignee_id !== null) return false;
  if (state.status && conversation.status !== state.status) return false;
  if (state.numberId && String(conversation.number.id) !== state.numberId) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Elements

const listEl = $('conversation-list');
const listLoading = $('list-loading');
const listEmpty = $('list-empty');
const listEmptyBody = $('list-empty-body');
const listError = $('list-error');
const listErrorText = $('list-error-text');
const tabs = [...root.querySelectorAll('.view-tab')];
const statusFilter = $('filter-status');
const numberFilter = $('filter-number');
const liveStatus = $('live-status');

const placeholder = $('no-selection');
const chat = $('conversation');
const chatScroll = $('chat-scroll');
const messagesEl = $('messages');
const jumpLatest = $('jump-latest');
const windowOpenBar = $('window-open');
const windowOpenText = $('window-open-text');
const windowClosed = $('window-closed');
const windowClosedBody = $('window-closed-body');
const closedNotice = $('conversation-closed-notice');
const assignMe = $('assign-me');
const transferOpen = $('transfer-open');
const unassignButton = $('unassign');
const closeButton = $('close-conversation');
const reopenButton = $('reopen-conversation');
const detailsToggle = $('details-toggle');

const composer = $('composer');
const composerText = $('composer-text');
const composerSend = $('composer-send');
const composerError = $('composer-error');
const composerCount = $('composer-count');
const composerReply = $('composer-reply');
const composerAttach = $('composer-attach');
const composerFile = $('composer-file');
const composerAttachment = $('composer-attachment');
const composerProgress = $('composer-progress');

const transferDialog = $('transfer-dialog');
const transferSearch = $('transfer-search');
const transferList = $('transfer-list');
const transferEmpty = $('transfer-empty');

/** Conversation id → its <li> in the list. */
const listItems = new Map();

// ---------------------------------------------------------------------------------------------
// Views, counts, filters

function saveFilters() {
  writeJson(STORE_VIEW, { view: state.view, status: state.status, numberId: state.numberId });
}

function paintTabs() {
  for (const tab of tabs) {
    const selected = tab.dataset.view === state.view;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) $('conversation-panel').setAttribute('aria-labelledby', tab.id);
  }
}

function selectView(view, focus = false) {
  if (view === state.view) return;
  state.view = view;
  saveFilters();
  paintTabs();
  if (focus) tabs.find((tab) => tab.dataset.view === view)?.focus();
  loadList();
}

for (const tab of tabs) {
  tab.addEventListener('click', () => selectView(tab.dataset.view));
  tab.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(tab);
    const rtl = document.documentElement.dir === 'rtl';
    let next = null;
    if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = tabs[(index + 1) % tabs.length];
    else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    event.preventDefault();
    selectView(next.dataset.view, true);
  });
}

statusFilter.value = state.status;
statusFilter.addEventListener('change', () => {
  state.status = statusFilter.value;
  saveFilters();
  loadList();
});

numberFilter.addEventListener('change', () => {
  state.numberId = numberFilter.value;
  saveFilters();
  loadList();
});

let countsTimer = 0;
function scheduleCounts() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(loadCounts, 250);
}

async function loadCounts() {
  const { ok, data } = await api('GET', '/api/v1/conversations/counts');
  if (!ok || !data) return;
  for (const view of ['mine', 'unassigned', 'all']) {
    const badge = root.querySelector(`.view-count[data-count="${view}"]`);
    if (!badge) continue;
    const value = Number(data[view]) || 0;
    badge.textContent = value > 999 ? '999+' : String(value);
    badge.classList.toggle('is-zero', value === 0);
  }
}

async function loadNumbers() {
  const { ok, data } = await api('GET', '/api/v1/whatsapp-numbers');
  if (!ok || !Array.isArray(data)) return;
  state.numbers = new Map(data.map((n) => [n.id, n]));
  for (const option of [...numberFilter.options]) {
    if (option.value) option.remove();
  }
  for (const n of data) {
    const option = document.createElement('option');
    option.value = String(n.id);
    // An option holds only text: isolation marks keep the name's and the number's directions.
    option.textContent = `\u2068${n.name}\u2069 · \u2066${n.display_phone_number}\u2069`;
    numberFilter.append(option);
  }
  if (state.numberId && !state.numbers.has(Number(state.numberId))) state.numberId = '';
  numberFilter.value = state.numberId;
  numberFilter.hidden = data.length < 2 && !state.numberId;
  for (const [id, item] of listItems) paintConversation(item, state.list.get(id));
  if (state.open) paintHeader();
}

let agentsTimer = 0;
async function loadAgents() {
  const { ok, data } = await api('GET', '/api/v1/agents');
  if (!ok || !Array.isArray(data)) return false;
  state.agents = new Map(data.map((a) => [a.id, a]));
  return true;
}

/** Reloads the agents soon, when an event names someone we do not know yet. */
function scheduleAgents() {
  clearTimeout(agentsTimer);
  agentsTimer = setTimeout(async () => {
    if (await loadAgents()) {
      for (const [id, item] of listItems) paintConversation(item, state.list.get(id));
      if (state.open) {
        paintHeader();
        renderTimeline();
      }
    }
  }, 300);
}

function knowsAgent(id) {
  if (id === null || id === undefined || state.agents.has(id)) return true;
  scheduleAgents();
  return false;
}

// ---------------------------------------------------------------------------------------------
// The conversation list

function showListState() {
  const empty = state.listLoaded && state.list.size === 0 && listError.hidden;
  listLoading.hidden = state.listLoaded || !listError.hidden;
  listEmpty.hidden = !empty;
  if (empty) {
    listEmptyBody.textContent = state.status === 'closed' ? t('empty-closed') : t(`empty-${state.view}`);
  }
  listEl.setAttribute('aria-busy', String(!state.listLoaded));
}

/** Conversations and messages come in pages of this many. */
const PAGE = 50;

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

async function loadList() {
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
  if (seenFirstRun) {
    // The first time this browser opens the inbox nothing counts as new.
    seenFirstRun = false;
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

function paintConversation(item, c) {
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

function renderList() {
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
function updateListWith(conversation) {
  if (matchesFilters(conversation)) state.list.set(conversation.id, conversation);
  else state.list.delete(conversation.id);
  renderList();
}

listEl.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.conv__link') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
  event.preventDefault();
  const id = Number(link.closest('[data-conversation-id]')?.dataset.conversationId);
  if (id) openConversation(id, { push: true });
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

// ---------------------------------------------------------------------------------------------
// The open conversation

function setComposerEnabled(enabled, reason) {
  composerText.disabled = !enabled;
  composerSend.disabled = !enabled || state.sending;
  composerAttach.disabled = !enabled || state.sending;
  composerText.placeholder = !enabled ? reason : state.file ? t('composer-caption') : t('composer-placeholder');
  chat.classList.toggle('is-readonly', !enabled);
  if (!enabled) {
    clearReply();
    if (!state.sending) clearAttachment();
  }
}

function paintWindow() {
  const c = state.open;
  if (!c) return;
  const open = windowIsOpen(c);
  const conversationOpen = c.status === 'open';
  // A closed conversation says so first; the window matters again once it is reopened.
  windowClosed.hidden = open || !conversationOpen;
  windowClosedBody.textContent = c.window_closes_at ? t('window-closed-body') : t('window-never-body');
  windowOpenBar.hidden = !open || !conversationOpen;
  if (open) {
    const closes = Date.parse(c.window_closes_at);
    windowOpenText.textContent = fill(t('window-open'), { when: untilText(closes) });
    windowOpenBar.title = fmtDateTime.format(new Date(closes));
    windowOpenBar.classList.toggle('is-ending', closes - Date.now() < 60 * 60 * 1000);
  }
  const disconnected = Boolean(c.number && c.number.disconnected);
  closedNotice.hidden = conversationOpen;
  $('number-disconnected-notice').hidden = !disconnected || !conversationOpen;
  if (disconnected) {
    windowClosed.hidden = true;
    windowOpenBar.hidden = true;
  }
  if (!conversationOpen) setComposerEnabled(false, t('composer-disabled-closed'));
  else if (disconnected) setComposerEnabled(false, t('composer-disabled-disconnected'));
  else if (!open) setComposerEnabled(false, t('composer-disabled-window'));
  else setComposerEnabled(true);
  // The reply window only means something while the conversation is open.
  const detailsWindow = $('details-window');
  detailsWindow.textContent = !conversationOpen
    ? t('window-conversation-closed')
    : open
      ? fill(t('window-open-short'), { when: untilText(Date.parse(c.window_closes_at)) })
      : t('window-closed-short');
  detailsWindow.classList.toggle('is-warning', conversationOpen && !open);
}

function paintHeader() {
  const c = state.open;
  if (!c) return;
  chat.dataset.conversationId = String(c.id);
  chat.dataset.status = c.status;
  const name = contactName(c);
  $('chat-contact-name').textContent = name;
  $('chat-contact-phone').textContent = phoneText(c.contact.phone) || t('no-phone');
  const number = state.numbers.get(c.number.id);
  showNumber($('chat-number'), number, c, ' · ', '');
  paintContactAvatar($('chat-contact-avatar'), c);

  const stateBadge = $('chat-state');
  stateBadge.textContent = c.status === 'closed' ? t('status-closed') : '';
  stateBadge.hidden = c.status !== 'closed';

  const assigneeAgent = c.assignee_id !== null ? state.agents.get(c.assignee_id) || { initials: '?', avatar_color: 0 } : null;
  paintAgentAvatar($('chat-assignee-avatar'), assigneeAgent);
  const assigneeName = c.assignee_id === null ? t('unassigned') : c.assignee_id === me ? `${agentName(me)} (${t('you')})` : agentName(c.assignee_id);
  $('chat-assignee-name').textContent = assigneeName;
  $('chat-assignee').classList.toggle('is-unassigned', c.assignee_id === null);

  assignMe.hidden = c.assignee_id === me;
  unassignButton.hidden = c.assignee_id === null;
  closeButton.hidden = c.status !== 'open';
  reopenButton.hidden = c.status !== 'closed';

  // Details pane.
  paintContactAvatar($('details-avatar'), c);
  $('details-name').textContent = name;
  $('details-phone').textContent = phoneText(c.contact.phone) || t('no-phone');
  $('details-customer-id').textContent = c.contact.customer_id;
  showNumber($('details-number'), number, c, ' (', ')');
  const statusBadge = el('span', `badge badge--${c.status}`, t(`status-${c.status}`));
  $('details-status').replaceChildren(statusBadge);
  $('details-assignee').textContent = assigneeName;
  $('details-started').textContent = fmtDateTime.format(new Date(c.created_at));
  $('details-initiated').textContent = t(c.initiated_by === 'business' ? 'initiated-business' : 'initiated-customer');

  paintWindow();
}

function nearBottom() {
  return chatScroll.scrollHeight - chatScroll.scrollTop - chatScroll.clientHeight < 120;
}

function scrollToBottom() {
  chatScroll.scrollTop = chatScroll.scrollHeight;
  jumpLatest.hidden = true;
}

chatScroll.addEventListener('scroll', () => {
  if (chatScroll.scrollTop < 240) loadOlder();
  if (nearBottom()) jumpLatest.hidden = true;
});
jumpLatest.addEventListener('click', () => {
  chatScroll.scrollTo({ top: chatScroll.scrollHeight, behavior: 'smooth' });
  jumpLatest.hidden = true;
  composerText.focus({ preventScroll: true });
});

const TICKS = {
  pending: 'clock',
  sent: 'check',
  delivered: 'checks',
  read: 'checks',
  failed: 'failed',
};

function paintTicks(ticks, status) {
  ticks.replaceChildren();
  if (!TICKS[status]) {
    ticks.hidden = true;
    return;
  }
  ticks.hidden = false;
  ticks.className = `ticks ticks--${status}`;
  ticks.append(icon(TICKS[status]));
  const label = t(`msg-${status}`);
  ticks.setAttribute('aria-label', label);
  ticks.title = label;
}

function mediaLabel(content, type) {
  const kind = content.kind || type;
  if (kind === 'audio' && content.voice) return t('media-voice');
  return t(`media-${kind}`) || t('media-document');
}

/** A short plain description of a message, for quotes and the reply preview. */
function messageSummary(m) {
  const content = m.content || {};
  switch (content.type) {
    case 'media':
      return [mediaLabel(content, m.type), content.caption || content.filename].filter(Boolean).join(' · ');
    case 'location':
      return [t('location'), content.name || content.address].filter(Boolean).join(' · ');
    case 'contacts':
      return [t('contacts'), (content.contacts || []).map((x) => x.name).join(', ')].filter(Boolean).join(' · ');
    case 'interactive_reply':
      return content.title || m.text || '';
    case 'button':
      return content.text || m.text || '';
    case 'unsupported':
      return t('unsupported');
    default:
      return m.text || content.body || '';
  }
}

function authorOf(m) {
  if (m.direction === 'in') return state.open ? contactName(state.open) : t('customer');
  if (m.sender_id === me) return t('you');
  return m.sender_id ? agentName(m.sender_id) : t('someone');
}

/** The card of a media message whose file is not here (yet): icon, name, kind. */
function buildMediaCard(m, content, { unavailable = false } = {}) {
  const kind = content.kind || m.type;
  const card = el('div', `media-card media-card--${kind}`);
  const iconBox = el('span', 'media-card__icon');
  iconBox.append(icon(kind === 'audio' && content.voice ? 'voice' : ICONS[kind] ? kind : 'document'));
  const text = el('span', 'media-card__text');
  text.append(content.filename ? userText('span', 'media-card__title', content.filename) : el('span', 'media-card__title', mediaLabel(content, m.type)));
  const label = content.filename ? mediaLabel(content, m.type) : null;
  if (unavailable) {
    text.append(el('span', 'media-card__meta', [label, t('media-unavailable')].filter(Boolean).join(' · ')));
  } else {
    // The download from WhatsApp is still running; a live `status` event brings the file.
    card.classList.add('is-loading');
    text.append(el('span', 'media-card__meta', [label, t('media-loading')].filter(Boolean).join(' · ')));
  }
  card.append(iconBox, text);
  return card;
}

/**
 * Built media elements by message id and URL. The timeline is rebuilt on many occasions (a tick,
 * an assignment); reusing the nodes keeps a playing video or voice note playing and images still.
 */
let mediaNodes = new Map();

function buildMedia(m, content) {
  const url = m.media_url;
  // Same-origin paths only: the page's CSP would block anything else, and a link elsewhere is not ours.
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return null;
  const cacheKey = `${m.id}|${url}`;
  const cached = mediaNodes.get(cacheKey);
  if (cached) return cached;
  const kind = content.kind || m.type;
  const mime = String(m.media_mime || content.mime_type || '').toLowerCase();
  const label = mediaLabel(content, m.type);
  let node;
  if (mime.startsWith('image/') || kind === 'image' || kind === 'sticker') {
    const sticker = kind === 'sticker';
    node = el('a', sticker ? 'media-image media-image--sticker' : 'media-image');
    node.href = url;
    node.target = '_blank';
    node.rel = 'noopener';
    node.title = t('media-open');
    const img = el('img', 'media-image__img');
    img.alt = content.caption || content.filename || label;
    img.decoding = 'async';
    const wasAtBottom = nearBottom();
    img.addEventListener('load', () => {
      node.classList.add('is-loaded');
      if (wasAtBottom && state.openId === m.conversation_id) scrollToBottom();
    });
    img.addEventListener('error', () => {
      mediaNodes.delete(cacheKey);
      node.replaceWith(buildMediaCard(m, content, { unavailable: true }));
    });
    img.src = url;
    node.append(img);
  } else if (mime.startsWith('video/') || kind === 'video') {
    node = el('video', 'media-video');
    node.controls = true;
    node.preload = 'metadata';
    node.playsInline = true;
    node.setAttribute('aria-label', content.filename || label);
    const wasAtBottom = nearBottom();
    node.addEventListener('loadedmetadata', () => {
      if (wasAtBottom && state.openId === m.conversation_id) scrollToBottom();
    }, { once: true });
    node.src = url;
  } else if (mime.startsWith('audio/') || kind === 'audio') {
    node = el('div', `media-audio${content.voice ? ' media-audio--voice' : ''}`);
    const iconBox = el('span', 'media-audio__icon');
    iconBox.append(icon(content.voice ? 'voice' : 'audio'));
    const audio = el('audio', 'media-audio__player');
    audio.controls = true;
    audio.preload = 'metadata';
    audio.setAttribute('aria-label', content.filename || label);
    audio.src = url;
    node.append(iconBox, audio);
  } else {
    node = el('a', 'media-card media-card--document media-card--file');
    node.href = url;
    node.download = content.filename || '';
    node.title = t('media-download');
    const iconBox = el('span', 'media-card__icon');
    iconBox.append(icon('document'));
    const text = el('span', 'media-card__text');
    text.append(content.filename ? userText('span', 'media-card__title', content.filename) : el('span', 'media-card__title', label));
    text.append(el('span', 'media-card__meta', [label, fileKind(content.filename, mime)].filter(Boolean).join(' · ')));
    const action = el('span', 'media-card__download');
    action.append(icon('download'));
    action.append(el('span', 'sr-only', t('media-download')));
    node.append(iconBox, text, action);
  }
  mediaNodes.set(cacheKey, node);
  return node;
}

/** "PDF", "DOCX": what kind of file a document is, from its name or type. */
function fileKind(filename, mime) {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filename || '');
  if (ext) return ext[1].toUpperCase();
  if (mime === 'application/pdf') return 'PDF';
  return '';
}

function buildContent(m) {
  const content = m.content || {};
  const box = document.createDocumentFragment();
  const type = content.type || m.type;
  if (type === 'media') {
    const media = m.media_url ? buildMedia(m, content) : null;
    box.append(media || buildMediaCard(m, content));
    if (content.caption) {
      const caption = userText('p', 'bubble__text');
      appendFormatted(caption, content.caption);
      box.append(caption);
    }
    return box;
  }
  if (type === 'location') {
    const card = el('div', 'media-card media-card--location');
    const iconBox = el('span', 'media-card__icon');
    iconBox.append(icon('location'));
    const text = el('span', 'media-card__text');
    text.append(content.name ? userText('span', 'media-card__title', content.name) : el('span', 'media-card__title', t('location')));
    if (content.address) text.append(userText('span', 'media-card__meta', content.address));
    const lat = Number(content.latitude);
    const lon = Number(content.longitude);
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      // Coordinates read left to right in every language.
      const coords = el('span', 'media-card__meta media-card__coords', `${lat.toFixed(5)}, ${lon.toFixed(5)}`);
      coords.dir = 'ltr';
      text.append(coords);
      const link = el('a', 'media-card__link', t('location-open'));
      const url = typeof content.url === 'string' && /^https:\/\//.test(content.url)
        ? content.url
        : `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.append(icon('external'));
      text.append(link);
    }
    card.append(iconBox, text);
    box.append(card);
    return box;
  }
  if (type === 'contacts') {
    for (const contact of content.contacts || []) {
      const card = el('div', 'media-card media-card--contact');
      const iconBox = el('span', 'media-card__icon');
      iconBox.append(icon('contact'));
      const text = el('span', 'media-card__text');
      text.append(contact.name ? userText('span', 'media-card__title', contact.name) : el('span', 'media-card__title', t('contacts')));
      for (const phone of contact.phones || []) {
        const number = el('span', 'media-card__meta', phone);
        number.dir = 'ltr';
        text.append(number);
      }
      card.append(iconBox, text);
      box.append(card);
    }
    if (!(content.contacts || []).length) box.append(el('p', 'bubble__text', t('contacts')));
    return box;
  }
  if (type === 'interactive_reply' || type === 'button') {
    const label = el('span', 'reply-tag');
    label.append(icon(type === 'interactive_reply' && content.list ? 'list' : 'reply'));
    label.append(document.createTextNode(type === 'interactive_reply' && content.list ? t('reply-list') : t('reply-button')));
    box.append(label);
    box.append(userText('p', 'bubble__text bubble__text--strong', type === 'button' ? content.text || m.text || '' : content.title || m.text || ''));
    if (content.description) box.append(userText('p', 'bubble__sub', content.description));
    return box;
  }
  if (type === 'unsupported') {
    const note = el('p', 'bubble__unsupported');
    note.append(icon('unsupported'));
    note.append(document.createTextNode(t('unsupported')));
    box.append(note);
    const detail = [content.kind, content.detail].filter(Boolean).join(' — ');
    if (detail) box.append(el('p', 'bubble__sub', detail));
    return box;
  }
  if (type === 'interactive') {
    const body = content.body && typeof content.body === 'object' ? content.body.text : null;
    const text = userText('p', 'bubble__text');
    appendFormatted(text, body || m.text || t('interactive'));
    box.append(text);
    const buttons = content.action && Array.isArray(content.action.buttons) ? content.action.buttons : [];
    if (buttons.length) {
      const row = el('div', 'bubble__buttons');
      for (const b of buttons) row.append(userText('span', 'bubble__button', (b.reply && b.reply.title) || b.title || ''));
      box.append(row);
    }
    return box;
  }
  const text = userText('p', 'bubble__text');
  appendFormatted(text, m.text || content.body || '');
  box.append(text);
  return box;
}

function buildQuote(m) {
  if (!m.reply_to_wa_message_id) return null;
  const quoted = [...state.messages.values()].find((x) => x.wa_message_id === m.reply_to_wa_message_id);
  const quote = el('button', 'quote');
  quote.type = 'button';
  if (quoted) {
    quote.classList.add(quoted.direction === 'out' ? 'quote--out' : 'quote--in');
    quote.append(userText('span', 'quote__author', authorOf(quoted)));
    quote.append(userText('span', 'quote__text', messageSummary(quoted)));
    quote.dataset.target = String(quoted.id);
  } else {
    // A tap on a button says what it answers by itself.
    if (['interactive_reply', 'button'].includes((m.content || {}).type)) return null;
    quote.append(el('span', 'quote__text quote__text--missing', t('quote-missing')));
    quote.disabled = true;
  }
  return quote;
}

function paintMessage(item, m) {
  item.dataset.messageId = String(m.id);
  item.dataset.status = m.status;
  item.dataset.direction = m.direction;
  item.dataset.type = m.type;
  item.id = `message-${m.id}`;
  item.classList.toggle('msg--in', m.direction === 'in');
  item.classList.toggle('msg--out', m.direction === 'out');
  item.classList.toggle('is-failed', m.status === 'failed');

  const bubble = item.querySelector('.bubble');
  // The bubble takes its text's direction, so its time sits at the end of that text.
  bubble.dir = textDirection(m.text || (m.content && (m.content.caption || m.content.name)) || '');
  // The time itself is written in the interface's language and keeps its direction.
  bubble.querySelector('.bubble__time').dir = document.documentElement.dir || 'ltr';
  const contentBox = bubble.querySelector('.bubble__content');
  contentBox.replaceChildren();
  const quote = buildQuote(m);
  if (quote) contentBox.append(quote);
  contentBox.append(buildContent(m));

  let reaction = bubble.querySelector('.reaction');
  if (m.reaction) {
    if (!reaction) {
      reaction = el('span', 'reaction');
      bubble.append(reaction);
    }
    reaction.textContent = m.reaction;
    reaction.setAttribute('role', 'img');
    reaction.setAttribute('aria-label', fill(t('reaction'), { emoji: m.reaction }));
  } else if (reaction) {
    reaction.remove();
  }
  bubble.classList.toggle('has-reaction', Boolean(m.reaction));

  const at = new Date(m.created_at);
  const time = bubble.querySelector('.bubble__time');
  time.dateTime = m.created_at;
  time.textContent = fmtTime.format(at);
  time.title = fmtDateTime.format(at);
  paintTicks(bubble.querySelector('.ticks'), m.direction === 'out' ? m.status : null);

  const failed = item.querySelector('.msg__failed');
  if (m.status === 'failed') {
    const reason = m.error ? [m.error.title, m.error.code ? `(${m.error.code})` : null].filter(Boolean).join(' ') : '';
    failed.textContent = reason ? `${t('msg-failed')}: ${reason}` : t('msg-failed');
    failed.hidden = false;
  } else {
    failed.hidden = true;
  }
  const replyButton = item.querySelector('.msg__reply-btn');
  replyButton.hidden = !m.wa_message_id;
}

function buildMessage(m, previous) {
  const item = cloneTemplate('tpl-message');
  paintMessage(item, m);
  const sender = item.querySelector('.msg__sender');
  // Outgoing messages name their agent when the agent changes; a run of messages by the same
  // side groups visually.
  const sameRun = previous && previous.kind === 'message' && previous.message.direction === m.direction
    && previous.message.sender_id === m.sender_id
    && Date.parse(m.created_at) - Date.parse(previous.message.created_at) < 10 * 60 * 1000;
  item.classList.toggle('is-continued', Boolean(sameRun));
  if (m.direction === 'out' && !sameRun) {
    sender.textContent = m.sender_id === me ? t('you') : m.sender_id ? agentName(m.sender_id) : '';
    sender.hidden = !sender.textContent;
  } else {
    sender.hidden = true;
  }
  return item;
}

function eventText(e) {
  const actor = e.actor_id !== null && e.actor_id !== undefined ? agentName(e.actor_id) : null;
  const subject = e.subject_id !== null && e.subject_id !== undefined ? agentName(e.subject_id) : null;
  switch (e.kind) {
    case 'created':
      return t('event-created');
    case 'assigned':
      if (!actor) return fill(t('event-assigned-auto'), { agent: subject });
      if (e.actor_id === e.subject_id) return fill(t('event-assigned-self'), { actor });
      return fill(t('event-assigned'), { agent: subject, actor });
    case 'unassigned':
      return actor ? fill(t('event-unassigned'), { actor }) : t('event-unassigned-auto');
    case 'closed':
      return actor ? fill(t('event-closed'), { actor }) : t('event-closed-auto');
    case 'reopened':
      return actor ? fill(t('event-reopened'), { actor }) : t('event-reopened-auto');
    default:
      return '';
  }
}

function buildEvent(e) {
  const item = cloneTemplate('tpl-event');
  item.dataset.event = e.kind;
  item.querySelector('.event__text').textContent = eventText(e);
  const time = item.querySelector('.event__time');
  const at = new Date(e.created_at);
  time.dateTime = e.created_at;
  time.textContent = fmtTime.format(at);
  time.title = fmtDateTime.format(at);
  return item;
}

function buildDay(date) {
  const item = cloneTemplate('tpl-day');
  item.dataset.day = String(startOfDay(date));
  item.querySelector('span').textContent = dayLabel(date);
  return item;
}

/** Messages and timeline events in time order (events first at equal times). While older
 * messages are still to load, events older than the oldest loaded message wait with them. */
function entries() {
  const list = [];
  let floor = -Infinity;
  if (state.olderBefore) {
    const oldest = state.messages.get(state.olderBefore);
    if (oldest) floor = Date.parse(oldest.created_at);
  }
  for (const e of state.timeline) {
    const at = Date.parse(e.created_at);
    if (at >= floor) list.push({ kind: 'event', at, order: 0, event: e });
  }
  for (const m of state.messages.values()) {
    if (m.type === 'reaction') continue;
    list.push({ kind: 'message', at: Date.parse(m.created_at), order: 1, id: m.id, message: m });
  }
  return list.sort((a, b) => a.at - b.at || a.order - b.order || (a.id || 0) - (b.id || 0));
}

/** The last entry rendered, to append after it without rebuilding. */
let lastEntry = null;

function renderTimeline({ stick = null, keepFromBottom = false } = {}) {
  const stickToBottom = stick ?? nearBottom();
  const keepTop = chatScroll.scrollTop;
  const fromBottom = chatScroll.scrollHeight - chatScroll.scrollTop;
  const fragment = document.createDocumentFragment();
  let day = null;
  let previous = null;
  for (const entry of entries()) {
    const date = new Date(entry.at);
    const thisDay = startOfDay(date);
    if (thisDay !== day) {
      fragment.append(buildDay(date));
      day = thisDay;
      previous = null;
    }
    fragment.append(entry.kind === 'event' ? buildEvent(entry.event) : buildMessage(entry.message, previous));
    previous = entry;
  }
  lastEntry = previous;
  messagesEl.replaceChildren(fragment);
  // Older messages above: what the agent was reading stays where it was.
  if (keepFromBottom) chatScroll.scrollTop = chatScroll.scrollHeight - fromBottom;
  else if (stickToBottom) scrollToBottom();
  else chatScroll.scrollTop = keepTop;
}

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

/** Adds or updates one message of the open conversation. */
function upsertMessage(m) {
  if (!state.open || m.conversation_id !== state.open.id) return;
  const known = state.messages.has(m.id);
  state.messages.set(m.id, m);
  if (m.type === 'reaction') return;
  const existing = messagesEl.querySelector(`[data-message-id="${m.id}"]`);
  if (known && existing) {
    paintMessage(existing, m);
    return;
  }
  const wasNearBottom = nearBottom();
  const at = Date.parse(m.created_at);
  if (lastEntry && at < lastEntry.at) {
    renderTimeline();
    return;
  }
  const date = new Date(at);
  if (!lastEntry || startOfDay(new Date(lastEntry.at)) !== startOfDay(date)) {
    messagesEl.append(buildDay(date));
    lastEntry = null;
  }
  const entry = { kind: 'message', at, order: 1, id: m.id, message: m };
  messagesEl.append(buildMessage(m, lastEntry));
  lastEntry = entry;
  if (wasNearBottom || (m.direction === 'out' && m.sender_id === me)) scrollToBottom();
  else jumpLatest.hidden = false;
}

function showChat(show) {
  placeholder.hidden = show;
  chat.hidden = !show;
  root.classList.toggle('has-conversation', show);
  root.classList.toggle('is-showing-chat', show);
}

async function openConversation(id, { push = false, focus = true } = {}) {
  const token = ++state.openToken;
  const switching = state.openId !== id;
  state.openId = id;
  if (switching) {
    state.messages = new Map();
    state.olderBefore = null;
    state.timeline = [];
    lastEntry = null;
    mediaNodes = new Map();
    messagesEl.replaceChildren();
    clearReply();
    clearAttachment();
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
  lastEntry = null;
  mediaNodes = new Map();
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
function scheduleDetail() {
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

// ---------------------------------------------------------------------------------------------
// Details pane

const wideDetails = window.matchMedia('(min-width: 1360px)');

function setDetails(open) {
  if (wideDetails.matches) {
    root.classList.toggle('is-details-hidden', !open);
    root.classList.remove('is-details-open');
  } else {
    root.classList.toggle('is-details-open', open);
  }
  detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
}

function detailsShown() {
  return wideDetails.matches ? !root.classList.contains('is-details-hidden') : root.classList.contains('is-details-open');
}

detailsToggle.addEventListener('click', () => {
  setDetails(!detailsShown());
  if (detailsShown() && !wideDetails.matches) $('details-close').focus();
});
$('details-close').addEventListener('click', () => {
  setDetails(false);
  detailsToggle.focus();
});
wideDetails.addEventListener('change', () => {
  root.classList.remove('is-details-open');
  detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
});
root.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && root.classList.contains('is-details-open')) {
    setDetails(false);
    detailsToggle.focus();
  }
});
detailsToggle.setAttribute('aria-expanded', String(detailsShown()));

// ---------------------------------------------------------------------------------------------
// Composer

const MAX_TEXT = Number(composerCount.dataset.max) || 4096;
/** WhatsApp's limit for the caption of a photo, video or document. */
const MAX_CAPTION = Number(composerCount.dataset.maxCaption) || 1024;

function maxText() {
  return state.file ? MAX_CAPTION : MAX_TEXT;
}
/** Unsent text per conversation, kept while the page is open. */
const drafts = new Map();

function length(text) {
  return [...text].length;
}

function updateCounter() {
  const used = length(composerText.value);
  const max = maxText();
  // A caption's limit is low enough to show all along; a text's only when it comes near.
  composerCount.hidden = !state.file && used < max - 600;
  composerCount.textContent = `${used} / ${max}`;
  composerCount.classList.toggle('is-near', used >= max - 100 && used <= max);
  composerCount.classList.toggle('is-over', used > max);
}

function startReply(m) {
  if (composerText.disabled) return;
  state.replyTo = m;
  $('composer-reply-author').textContent = authorOf(m);
  $('composer-reply-text').textContent = messageSummary(m);
  composerReply.hidden = false;
  composerText.focus();
}

function clearReply() {
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
  if (file) {
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
  if (file) {
    // 413 file_too_large, 415 unsupported_media_type, 409, 422: the server says what went wrong.
    composerError.textContent = status === 0 ? t('network') : errorMessage(data, t('network'));
    if (status === 409) scheduleDetail();
    return;
  }
  toast(status === 0 ? t('network') : errorMessage(data, t('network')), 'error');
  if (status === 409) scheduleDetail();
});

// ---------------------------------------------------------------------------------------------
// Attachments

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

function paintAttachment() {
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
    thumbUrl = URL.createObjectURL(file);
    const img = el('img');
    img.alt = '';
    img.src = thumbUrl;
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
  updateCounter();
}

function clearAttachment() {
  if (!state.file && composerAttachment.hidden) return;
  composerFile.value = '';
  setAttachment(null);
  if (thumbUrl) URL.revokeObjectURL(thumbUrl);
  thumbUrl = null;
  $('composer-attachment-thumb').replaceChildren();
}

function setUploadProgress(fraction) {
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
function upload(path, file, text, replyTo) {
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

// ---------------------------------------------------------------------------------------------
// Assignment and status

async function changeConversation(button, path, body, doneText) {
  if (!state.open) return;
  const id = state.open.id;
  button.disabled = true;
  button.classList.add('is-busy');
  const { ok, status, data } = await api('PUT', `/api/v1/conversations/${id}/${path}`, body);
  button.disabled = false;
  button.classList.remove('is-busy');
  if (!ok) {
    toast(status === 0 ? t('network') : errorMessage(data, t('network')), 'error');
    return false;
  }
  if (data && state.openId === id) {
    state.open = data;
    paintHeader();
  }
  if (data) updateListWith(data);
  scheduleDetail();
  scheduleCounts();
  if (doneText) toast(doneText, 'success');
  return true;
}

assignMe.addEventListener('click', () => changeConversation(assignMe, 'assignee', { user_id: me }, t('assigned-me')));
unassignButton.addEventListener('click', () => changeConversation(unassignButton, 'assignee', { user_id: null }, t('unassigned-done')));
closeButton.addEventListener('click', async () => {
  if (await changeConversation(closeButton, 'status', { status: 'closed' }, t('closed-done'))) reopenButton.focus();
});
reopenButton.addEventListener('click', async () => {
  if (await changeConversation(reopenButton, 'status', { status: 'open' }, t('reopened-done'))) closeButton.focus();
});

// ---------------------------------------------------------------------------------------------
// Transfer dialog

const AVAILABILITY_ORDER = { available: 0, away: 1, offline: 2 };

function fold(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function renderAgents() {
  const query = fold(transferSearch.value.trim());
  const agents = [...state.agents.values()]
    .filter((a) => !query || fold(`${a.first_name} ${a.last_name}`).includes(query) || fold(`${a.last_name} ${a.first_name}`).includes(query))
    .sort((a, b) => (AVAILABILITY_ORDER[a.availability] ?? 3) - (AVAILABILITY_ORDER[b.availability] ?? 3)
      || collator.compare(`${a.first_name} ${a.last_name}`, `${b.first_name} ${b.last_name}`));
  const items = agents.map((a) => {
    const item = cloneTemplate('tpl-agent');
    const button = item.querySelector('.agent-option');
    button.dataset.agentId = String(a.id);
    const current = state.open && state.open.assignee_id === a.id;
    button.disabled = Boolean(current);
    button.classList.toggle('is-current', Boolean(current));
    const avatar = item.querySelector('.avatar');
    paintAgentAvatar(avatar, a);
    const dot = item.querySelector('.presence-dot');
    dot.classList.add(`presence-dot--${a.availability}`);
    item.querySelector('.agent-option__name').textContent = a.id === me ? `${a.first_name} ${a.last_name} (${t('you')})` : `${a.first_name} ${a.last_name}`;
    const sub = item.querySelector('.agent-option__sub');
    sub.append(el('span', `availability-text availability-text--${a.availability}`, t(`availability-${a.availability}`)));
    sub.append(document.createTextNode(` · ${t(`role-${a.role}`)}`));
    item.querySelector('.agent-option__badge').hidden = !current;
    return item;
  });
  transferList.replaceChildren(...items);
  transferEmpty.hidden = items.length > 0;
}

function agentButtons() {
  return [...transferList.querySelectorAll('button[data-agent-id]:not(:disabled)')];
}

transferOpen.addEventListener('click', async () => {
  if (!state.open) return;
  transferSearch.value = '';
  renderAgents();
  transferDialog.showModal();
  transferSearch.focus();
  // Availability changes all the time: refresh while the dialog opens.
  if (await loadAgents()) {
    const focusedId = document.activeElement?.dataset?.agentId;
    renderAgents();
    if (focusedId) transferList.querySelector(`[data-agent-id="${focusedId}"]`)?.focus();
  }
});

transferSearch.addEventListener('input', renderAgents);
transferSearch.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    agentButtons()[0]?.focus();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    agentButtons()[0]?.click();
  }
});

transferList.addEventListener('keydown', (event) => {
  const buttons = agentButtons();
  const index = buttons.indexOf(document.activeElement);
  if (index === -1) return;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    buttons[Math.min(index + 1, buttons.length - 1)].focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    if (index === 0) transferSearch.focus();
    else buttons[index - 1].focus();
  }
});

transferList.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-agent-id]') : null;
  if (!button || button.disabled || !state.open) return;
  const id = Number(button.dataset.agentId);
  const agent = state.agents.get(id);
  button.classList.add('is-busy');
  const done = id === me ? t('assigned-me') : fill(t('transferred'), { name: agent ? `${agent.first_name} ${agent.last_name}` : '' });
  const changed = await changeConversation(button, 'assignee', { user_id: id }, done);
  if (changed) transferDialog.close();
});

$('transfer-close').addEventListener('click', () => transferDialog.close());

{
  let pressedOnBackdrop = false;
  transferDialog.addEventListener('pointerdown', (event) => {
    pressedOnBackdrop = event.target === transferDialog;
  });
  transferDialog.addEventListener('click', (event) => {
    if (pressedOnBackdrop && event.target === transferDialog) transferDialog.close();
    pressedOnBackdrop = false;
  });
}

// ---------------------------------------------------------------------------------------------
// Live events

function onEvent(ev) {
  const conversation = ev && ev.conversation;
  if (!conversation) return;
  knowsAgent(conversation.assignee_id);
  const message = ev.message;
  if (message && message.sender_id) knowsAgent(message.sender_id);
  updateListWith(conversation);
  scheduleCounts();
  if (conversation.id === state.openId) {
    const before = state.open;
    state.open = conversation;
    paintHeader();
    if (message) upsertMessage(message);
    if (ev.type !== 'message' && ev.type !== 'status') scheduleDetail();
    else if (before && (before.assignee_id !== conversation.assignee_id || before.status !== conversation.status)) scheduleDetail();
    if (document.visibilityState === 'visible') markSeen(conversation);
  }
}

let source = null;
let wasDown = false;
let retryTimer = 0;

function connectLive() {
  clearTimeout(retryTimer);
  source = new EventSource('/api/v1/events');
  for (const type of ['message', 'status', 'conversation']) {
    source.addEventListener(type, (event) => {
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (data && !data.type) data.type = type;
      onEvent(data);
    });
  }
  source.addEventListener('open', () => {
    liveStatus.hidden = true;
    if (wasDown) {
      wasDown = false;
      // Anything missed while offline that the event log no longer holds.
      refreshAll();
    }
  });
  source.addEventListener('error', async () => {
    wasDown = true;
    liveStatus.hidden = false;
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. the session ended): check, then try again later.
      const { status } = await api('GET', '/api/v1/conversations/counts');
      if (status === 401) {
        location.assign('/login');
        return;
      }
      retryTimer = setTimeout(connectLive, 5000);
    }
  });
}

function refreshAll() {
  loadCounts();
  loadList();
  if (state.openId) openConversation(state.openId, { focus: false });
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.open) markSeen(state.open);
});

// Times and the 24-hour window move on by themselves.
setInterval(() => {
  for (const [id, item] of listItems) paintConversation(item, state.list.get(id));
  if (state.open) paintWindow();
}, 30 * 1000);

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  paintTabs();
  showListState();
  await Promise.all([loadAgents(), loadNumbers()]);
  loadCounts();
  await loadList();
  const id = Number(new URLSearchParams(location.search).get('c'));
  if (id) {
    history.replaceState({ c: id }, '', `/inbox?c=${id}`);
    openConversation(id);
  }
  connectLive();
}

start();
