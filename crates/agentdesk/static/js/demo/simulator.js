// The customer simulator (demo mode): play a customer of a demo WhatsApp number on a phone-like
// screen. Everything goes through the built-in Graph emulator (`/emulator/graph/sim/…`), which
// signs and delivers real webhooks to the app; the chat is polled about once a second to show what
// the business sent and how far each message got.

import { $, el, svgIcon, userText } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { fill, strings } from '../lib/strings.js';
import { appendFormatted, textDirection } from '../lib/wa-format.js';

const root = document.getElementById('simulator');
const t = strings(root);
const BASE = '/emulator/graph/sim';
const POLL_MS = 1000;
const STORE = 'agentdesk.simulator';

const lang = document.documentElement.lang || undefined;
const fmtTime = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
const fmtDay = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' });
const fmtDateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

const numberSelect = $('sim-number');
const customerSelect = $('sim-customer');
const customerId = $('sim-customer-id');
const newCustomerButton = $('sim-new-customer');
const customerForm = $('sim-customer-form');
const autoRead = $('sim-auto-read');
const panelError = $('sim-error');
const businessName = $('sim-business-name');
const chatScroll = $('sim-chat-scroll');
const messagesEl = $('sim-messages');
const emptyEl = $('sim-empty');
const composer = $('sim-composer');
const text = $('sim-text');
const sendButton = $('sim-send');
const attachButton = $('sim-attach');
const attachMenu = $('sim-attach-menu');
const replyBox = $('sim-reply');
const sheet = $('sim-sheet');

const state = {
  numbers: [],
  customers: [],
  number: null,
  customer: null,
  messages: [],
  raw: '',
  replyTo: null,
  busy: false,
  polling: false,
  reading: false,
};

// ---------------------------------------------------------------------------------------------
// The emulator's JSON endpoints

async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    const response = await fetch(`${BASE}${path}`, init);
    const raw = await response.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch {
      data = null;
    }
    return { ok: response.ok, status: response.status, data, raw };
  } catch {
    return { ok: false, status: 0, data: null, raw: '' };
  }
}

/** The emulator speaks English; the page says what happened in the reader's language. */
function failure(result) {
  toast(result.status === 0 ? t('network') : t('failed'), 'error');
}

function customerPath(suffix = '') {
  return `/${encodeURIComponent(state.number)}/customers/${encodeURIComponent(state.customer)}${suffix}`;
}

// ---------------------------------------------------------------------------------------------
// Remembering the last choice

function saved() {
  try {
    return JSON.parse(localStorage.getItem(STORE) || '{}') || {};
  } catch {
    return {};
  }
}

function save() {
  const data = saved();
  data.number = state.number;
  data.customers = data.customers || {};
  if (state.number) data.customers[state.number] = state.customer;
  data.autoRead = autoRead.checked;
  try {
    localStorage.setItem(STORE, JSON.stringify(data));
  } catch {
    // A convenience only.
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers and customers

async function loadNumbers() {
  const result = await call('GET', '/numbers');
  if (!result.ok || !Array.isArray(result.data)) {
    panelError.textContent = result.status === 0 ? t('network') : t('failed');
    panelError.hidden = false;
    return;
  }
  state.numbers = result.data;
  numberSelect.replaceChildren(...state.numbers.map((n) => {
    const option = document.createElement('option');
    option.value = n.phone_number_id;
    option.textContent = n.display_phone_number;
    return option;
  }));
  const remembered = saved().number;
  state.number = state.numbers.some((n) => n.phone_number_id === remembered)
    ? remembered
    : state.numbers[0]?.phone_number_id ?? null;
  numberSelect.value = state.number ?? '';
  paintBusiness();
  await loadCustomers();
}

function paintBusiness() {
  const number = state.numbers.find((n) => n.phone_number_id === state.number);
  businessName.textContent = number ? number.display_phone_number : '';
}

function customerLabel(c) {
  return c.phone ? `${c.name} · +${c.phone}` : `${c.name} · ${t('no-phone')}`;
}

async function loadCustomers(select) {
  if (!state.number) return;
  const result = await call('GET', `/${encodeURIComponent(state.number)}/customers`);
  if (!result.ok || !Array.isArray(result.data)) {
    failure(result);
    return;
  }
  state.customers = result.data;
  customerSelect.replaceChildren(...state.customers.map((c) => {
    const option = document.createElement('option');
    option.value = c.user_id;
    option.textContent = customerLabel(c);
    return option;
  }));
  const remembered = select || (saved().customers || {})[state.number];
  state.customer = state.customers.some((c) => c.user_id === remembered)
    ? remembered
    : state.customers[0]?.user_id ?? null;
  customerSelect.value = state.customer ?? '';
  customerSelect.disabled = state.customers.length === 0;
  if (state.customers.length === 0) toggleCustomerForm(true);
  customerChanged();
}

function customerChanged() {
  const c = state.customers.find((x) => x.user_id === state.customer);
  customerId.textContent = c ? c.user_id : '';
  state.messages = [];
  state.raw = '';
  clearReply();
  messagesEl.replaceChildren();
  emptyEl.hidden = true;
  const usable = Boolean(state.customer);
  text.disabled = !usable;
  sendButton.disabled = !usable;
  attachButton.disabled = !usable;
  $('sim-mark-read').disabled = !usable;
  save();
  poll();
}

numberSelect.addEventListener('change', () => {
  state.number = numberSelect.value;
  paintBusiness();
  save();
  loadCustomers();
});

customerSelect.addEventListener('change', () => {
  state.customer = customerSelect.value;
  customerChanged();
});

function toggleCustomerForm(open) {
  customerForm.hidden = !open;
  newCustomerButton.setAttribute('aria-expanded', String(open));
  if (open) $('sim-customer-name').focus();
}

newCustomerButton.addEventListener('click', () => toggleCustomerForm(customerForm.hidden));
$('sim-customer-cancel').addEventListener('click', () => {
  customerForm.reset();
  clearCustomerErrors();
  toggleCustomerForm(false);
  newCustomerButton.focus();
});

function clearCustomerErrors() {
  for (const name of ['name', 'phone']) {
    $(`sim-customer-${name}-error`).textContent = '';
    $(`sim-customer-${name}`).removeAttribute('aria-invalid');
  }
}

function customerError(name, message) {
  const input = $(`sim-customer-${name}`);
  $(`sim-customer-${name}-error`).textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

customerForm.addEventListener('input', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.hasAttribute('aria-invalid')) {
    event.target.removeAttribute('aria-invalid');
    const slot = $(`${event.target.id}-error`);
    if (slot) slot.textContent = '';
  }
});

customerForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearCustomerErrors();
  const name = $('sim-customer-name').value.trim();
  const phone = $('sim-customer-phone').value.replace(/[\s()+-]/g, '');
  if (!name) return customerError('name', t('required'));
  if ([...name].length > 100) return customerError('name', t('too-long'));
  if (phone && !/^\d{6,15}$/.test(phone)) return customerError('phone', t('invalid'));
  const submit = $('sim-customer-create');
  submit.disabled = true;
  const body = { name };
  if (phone) body.phone = phone;
  const result = await call('POST', `/${encodeURIComponent(state.number)}/customers`, body);
  submit.disabled = false;
  if (!result.ok || !result.data) {
    failure(result);
    return;
  }
  customerForm.reset();
  toggleCustomerForm(false);
  toast(fill(t('created'), { name: result.data.name }), 'success');
  await loadCustomers(result.data.user_id);
  text.focus();
});

autoRead.checked = Boolean(saved().autoRead);
autoRead.addEventListener('change', () => {
  save();
  if (autoRead.checked) readIfWanted();
});

// ---------------------------------------------------------------------------------------------
// The chat

function startOfDay(seconds) {
  const d = new Date(seconds * 1000);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function dayLabel(seconds) {
  const days = Math.round((startOfDay(Date.now() / 1000) - startOfDay(seconds)) / 86400000);
  if (days <= 0) return t('today');
  if (days === 1) return t('yesterday');
  return fmtDay.format(new Date(seconds * 1000));
}

const ICONS = {
  check: ['M4.5 12.5l4.5 4.5L19.5 6.5'],
  checks: ['M2 12.5l4.5 4.5L17 6.5', 'M11.5 16l1 1L23 6.5'],
  clock: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5V12l3 2'],
  document: ['M6.5 3h7.5l4.5 4.5V21h-12z', 'M13.5 3v5h5', 'M9 12.5h6M9 16h6'],
  location: ['M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z', 'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  list: ['M8 6.5h12M8 12h12M8 17.5h12', 'M4 6.5h.01M4 12h.01M4 17.5h.01'],
  reply: ['M10 8L5 12.5 10 17', 'M5.5 12.5H14a5 5 0 0 1 5 5V19'],
  external: ['M14 4.5h5.5V10', 'M19.5 4.5L11 13', 'M17.5 14v5.5h-13v-13H10'],
};

const icon = (name) => svgIcon(ICONS[name]);

function formatted(className, value) {
  const p = userText('p', className);
  appendFormatted(p, value);
  return p;
}

function summary(m) {
  switch (m.type) {
    case 'text':
      return m.text || '';
    case 'interactive':
      return m.interactive?.body?.text || t('interactive');
    case 'location':
      return m.location?.name || t('location');
    case 'button_reply':
    case 'list_reply':
      return m.reply?.title || '';
    default:
      return m.caption || m.media?.filename || t(`media-${m.type}`) || '';
  }
}

function author(m) {
  return m.from === 'customer' ? t('you') : businessName.textContent || t('business');
}

function safeMediaUrl(media) {
  // Media come from the emulator itself; anything else is not shown.
  return media && typeof media.url === 'string' && media.url.startsWith(`${BASE}/media/`) ? media.url : null;
}

function mediaContent(m, box) {
  const url = safeMediaUrl(m.media);
  if ((m.type === 'image' || m.type === 'sticker') && url) {
    const img = el('img', m.type === 'sticker' ? 'wa-sticker' : 'wa-image');
    img.src = url;
    img.alt = m.caption || m.media.filename || t(`media-${m.type}`);
    img.loading = 'lazy';
    box.append(img);
  } else if (m.type === 'video' && url) {
    const video = el('video', 'wa-image');
    video.src = url;
    video.controls = true;
    video.preload = 'metadata';
    box.append(video);
  } else if (m.type === 'audio' && url) {
    const audio = el('audio', 'wa-audio');
    audio.src = url;
    audio.controls = true;
    audio.preload = 'metadata';
    box.append(audio);
  } else {
    const card = el('div', 'wa-doc');
    const iconBox = el('span', 'wa-doc__icon');
    iconBox.append(icon('document'));
    const info = el('span', 'wa-doc__text');
    info.append(m.media?.filename ? userText('span', 'wa-doc__name', m.media.filename) : el('span', 'wa-doc__name', t(`media-${m.type}`) || t('media-document')));
    info.append(el('span', 'wa-doc__meta', m.media?.mime_type || ''));
    card.append(iconBox, info);
    if (url) {
      const link = el('a', 'wa-doc__open', t('media-open'));
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener';
      card.append(link);
    }
    box.append(card);
  }
  if (m.caption) box.append(formatted('wa-text', m.caption));
}

/** Buttons under an interactive message: reply buttons, a list opener, or a web link. */
function interactiveActions(m) {
  const interactive = m.interactive || {};
  const action = interactive.action || {};
  const row = el('div', 'wa-choices');
  if (interactive.type === 'button' && Array.isArray(action.buttons)) {
    for (const b of action.buttons) {
      const reply = b.reply || {};
      const button = el('button', 'wa-choice');
      button.type = 'button';
      button.dataset.messageId = m.id;
      button.dataset.replyId = reply.id || '';
      button.append(icon('reply'), document.createTextNode(reply.title || ''));
      row.append(button);
    }
  } else if (interactive.type === 'list' && Array.isArray(action.sections)) {
    const button = el('button', 'wa-choice');
    button.type = 'button';
    button.dataset.listFor = m.id;
    button.append(icon('list'), document.createTextNode(action.button || t('choose')));
    row.append(button);
  } else if (interactive.type === 'cta_url' && action.parameters && /^https?:\/\//.test(action.parameters.url || '')) {
    const link = el('a', 'wa-choice');
    link.href = action.parameters.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.append(icon('external'), document.createTextNode(action.parameters.display_text || action.parameters.url));
    row.append(link);
  }
  return row.childElementCount ? row : null;
}

function interactiveContent(m, box) {
  const interactive = m.interactive || {};
  const header = interactive.header;
  if (header && header.type === 'text' && header.text) box.append(userText('p', 'wa-text wa-text--strong', header.text));
  box.append(formatted('wa-text', interactive.body?.text || t('interactive')));
  if (interactive.footer?.text) box.append(userText('p', 'wa-footer', interactive.footer.text));
}

function buildMessage(m) {
  const mine = m.from === 'customer';
  const item = el('li', `wa-msg ${mine ? 'wa-msg--out' : 'wa-msg--in'}`);
  item.dataset.messageId = m.id;
  item.dataset.status = m.status;
  const row = el('div', 'wa-msg__row');
  const bubble = el('div', 'wa-bubble');
  bubble.dir = textDirection(m.text || m.caption || m.media?.caption || m.location?.name || m.reply?.title || '');
  const box = el('div', 'wa-bubble__content');
  if (m.reply_to) {
    const quoted = state.messages.find((x) => x.id === m.reply_to);
    const quote = el('div', `quote ${quoted && quoted.from === 'customer' ? 'quote--out' : 'quote--in'}`);
    if (quoted) {
      quote.append(userText('span', 'quote__author', author(quoted)), userText('span', 'quote__text', summary(quoted)));
    } else {
      quote.append(el('span', 'quote__text quote__text--missing', t('quote-missing')));
    }
    box.append(quote);
  }
  switch (m.type) {
    case 'text':
      box.append(formatted('wa-text', m.text || ''));
      break;
    case 'interactive':
      interactiveContent(m, box);
      break;
    case 'location': {
      const loc = m.location || {};
      const card = el('div', 'wa-doc wa-doc--location');
      const iconBox = el('span', 'wa-doc__icon');
      iconBox.append(icon('location'));
      const info = el('span', 'wa-doc__text');
      info.append(loc.name ? userText('span', 'wa-doc__name', loc.name) : el('span', 'wa-doc__name', t('location')));
      if (loc.address) info.append(userText('span', 'wa-doc__meta', loc.address));
      if (Number.isFinite(loc.latitude) && Number.isFinite(loc.longitude)) {
        const coords = el('span', 'wa-doc__meta', `${loc.latitude.toFixed(5)}, ${loc.longitude.toFixed(5)}`);
        coords.dir = 'ltr';
        info.append(coords);
      }
      card.append(iconBox, info);
      box.append(card);
      break;
    }
    case 'button_reply':
    case 'list_reply':
      box.append(userText('p', 'wa-text wa-text--strong', m.reply?.title || ''));
      if (m.reply?.description) box.append(userText('p', 'wa-footer', m.reply.description));
      break;
    default:
      mediaContent(m, box);
  }
  bubble.append(box);
  const meta = el('span', 'wa-meta');
  const at = new Date(m.timestamp * 1000);
  const time = el('time', null, fmtTime.format(at));
  time.dir = document.documentElement.dir || 'ltr';
  time.dateTime = at.toISOString();
  time.title = fmtDateTime.format(at);
  meta.append(time);
  const tickIcon = { accepted: 'clock', sent: 'check', delivered: 'checks', read: 'checks' }[m.status];
  if (tickIcon) {
    const ticks = el('span', `ticks ticks--${m.status}`);
    ticks.setAttribute('role', 'img');
    const label = t(`msg-${m.status}`);
    ticks.setAttribute('aria-label', label);
    ticks.title = label;
    ticks.append(icon(tickIcon));
    meta.append(ticks);
  }
  bubble.append(meta);
  row.append(bubble);
  if (!mine) {
    const reply = el('button', 'msg__reply-btn');
    reply.type = 'button';
    reply.dataset.replyTo = m.id;
    reply.setAttribute('aria-label', t('reply'));
    reply.title = t('reply');
    reply.append(icon('reply'));
    row.append(reply);
  }
  item.append(row);
  if (m.type === 'interactive') {
    const actions = interactiveActions(m);
    if (actions) item.append(actions);
  }
  return item;
}

function nearBottom() {
  return chatScroll.scrollHeight - chatScroll.scrollTop - chatScroll.clientHeight < 80;
}

function render() {
  const stick = nearBottom() || messagesEl.childElementCount === 0;
  const fragment = document.createDocumentFragment();
  let day = null;
  for (const m of state.messages) {
    const thisDay = startOfDay(m.timestamp);
    if (thisDay !== day) {
      const sep = el('li', 'wa-day');
      sep.append(el('span', null, dayLabel(m.timestamp)));
      fragment.append(sep);
      day = thisDay;
    }
    fragment.append(buildMessage(m));
  }
  messagesEl.replaceChildren(fragment);
  emptyEl.hidden = state.messages.length > 0 || !state.customer;
  if (stick) chatScroll.scrollTop = chatScroll.scrollHeight;
}

async function poll() {
  if (!state.number || !state.customer || state.polling) return;
  state.polling = true;
  const forCustomer = state.customer;
  const result = await call('GET', customerPath('/messages'));
  state.polling = false;
  if (forCustomer !== state.customer) return;
  if (result.status === 404) {
    // The emulator forgot this customer (the server restarted): choose again.
    loadCustomers();
    return;
  }
  if (!result.ok || !Array.isArray(result.data)) return;
  if (result.raw !== state.raw) {
    state.raw = result.raw;
    state.messages = result.data;
    render();
  } else if (messagesEl.childElementCount === 0) {
    emptyEl.hidden = state.messages.length > 0;
  }
  readIfWanted();
}

async function readIfWanted() {
  if (!autoRead.checked || state.reading || document.visibilityState !== 'visible') return;
  if (!state.messages.some((m) => m.from === 'business' && m.status !== 'read')) return;
  state.reading = true;
  await call('POST', customerPath('/read'));
  state.reading = false;
}

setInterval(() => {
  if (document.visibilityState === 'visible') poll();
}, POLL_MS);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') poll();
});

// ---------------------------------------------------------------------------------------------
// What the customer does

function startReply(m) {
  state.replyTo = m;
  $('sim-reply-author').textContent = author(m);
  $('sim-reply-text').textContent = summary(m);
  replyBox.hidden = false;
  text.focus();
}

function clearReply() {
  state.replyTo = null;
  replyBox.hidden = true;
}

$('sim-reply-cancel').addEventListener('click', () => {
  clearReply();
  text.focus();
});

async function act(promise) {
  state.busy = true;
  composer.classList.add('is-busy');
  sendButton.disabled = true;
  const result = await promise;
  state.busy = false;
  composer.classList.remove('is-busy');
  sendButton.disabled = !state.customer;
  if (!result.ok) failure(result);
  poll();
  return result.ok;
}

composer.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = text.value;
  if (state.busy || !state.customer || !body.trim()) return;
  const payload = { body };
  if (state.replyTo) payload.reply_to = state.replyTo.id;
  if (await act(call('POST', customerPath('/text'), payload))) {
    text.value = '';
    clearReply();
    chatScroll.scrollTop = chatScroll.scrollHeight;
  }
  text.focus();
});

text.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  composer.requestSubmit();
});

function toggleAttach(open) {
  attachMenu.hidden = !open;
  attachButton.setAttribute('aria-expanded', String(open));
}

attachButton.addEventListener('click', () => toggleAttach(attachMenu.hidden));
document.addEventListener('pointerdown', (event) => {
  if (attachMenu.hidden) return;
  const target = event.target;
  if (target instanceof Node && (attachMenu.contains(target) || attachButton.contains(target))) return;
  toggleAttach(false);
});
attachMenu.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    toggleAttach(false);
    attachButton.focus();
  }
});

$('sim-attach-photo').addEventListener('click', () => {
  toggleAttach(false);
  $('sim-file-photo').click();
});
$('sim-attach-document').addEventListener('click', () => {
  toggleAttach(false);
  $('sim-file-document').click();
});

for (const input of [$('sim-file-photo'), $('sim-file-document')]) {
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (!file || !state.customer) return;
    const form = new FormData();
    form.append('file', file, file.name);
    // Whatever is typed goes along as the caption, as on a phone.
    const caption = text.value.trim();
    if (caption) form.append('caption', caption);
    if (await act(call('POST', customerPath('/media'), form))) text.value = '';
  });
}

$('sim-send-location').addEventListener('click', () => {
  toggleAttach(false);
  if (!state.customer) return;
  act(call('POST', customerPath('/location'), {
    latitude: -23.561414,
    longitude: -46.655881,
    name: t('location-name'),
    address: t('location-address'),
  }));
});

$('sim-mark-read').addEventListener('click', async () => {
  if (!state.customer) return;
  const result = await call('POST', customerPath('/read'));
  if (!result.ok) {
    failure(result);
    return;
  }
  const count = Number(result.data?.read) || 0;
  toast(count ? fill(t('read-done'), { count }) : t('read-none'), 'success');
  poll();
});

async function tap(messageId, replyId) {
  await act(call('POST', customerPath('/reply'), { message_id: messageId, reply_id: replyId }));
}

messagesEl.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const choice = target?.closest('button.wa-choice');
  if (choice?.dataset.replyId !== undefined && choice.dataset.messageId) {
    tap(choice.dataset.messageId, choice.dataset.replyId);
    return;
  }
  if (choice?.dataset.listFor) {
    openList(choice.dataset.listFor, choice);
    return;
  }
  const reply = target?.closest('[data-reply-to]');
  if (reply) {
    const m = state.messages.find((x) => x.id === reply.dataset.replyTo);
    if (m) startReply(m);
  }
});

// The list of an interactive list message, as a sheet over the chat.
let sheetOpener = null;

function openList(messageId, opener) {
  const m = state.messages.find((x) => x.id === messageId);
  if (!m) return;
  const action = m.interactive?.action || {};
  $('sim-sheet-title').textContent = action.button || t('choose');
  const body = $('sim-sheet-body');
  body.replaceChildren();
  for (const section of action.sections || []) {
    if (section.title) body.append(el('p', 'wa-sheet__section', section.title));
    for (const row of section.rows || []) {
      const button = el('button', 'wa-sheet__row');
      button.type = 'button';
      button.dataset.messageId = m.id;
      button.dataset.rowId = row.id || '';
      button.append(el('span', 'wa-sheet__row-title', row.title || ''));
      if (row.description) button.append(el('span', 'wa-sheet__row-sub', row.description));
      body.append(button);
    }
  }
  sheetOpener = opener;
  sheet.hidden = false;
  body.querySelector('button')?.focus();
}

function closeList() {
  sheet.hidden = true;
  sheetOpener?.focus();
  sheetOpener = null;
}

$('sim-sheet-close').addEventListener('click', closeList);
sheet.addEventListener('click', (event) => {
  if (event.target === sheet) {
    closeList();
    return;
  }
  const row = event.target instanceof Element ? event.target.closest('.wa-sheet__row') : null;
  if (row) {
    sheet.hidden = true;
    sheetOpener = null;
    tap(row.dataset.messageId, row.dataset.rowId);
    text.focus();
  }
});
sheet.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeList();
});

loadNumbers();
