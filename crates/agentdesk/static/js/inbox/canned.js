// The "/" picker: typing "/" at the start of the composer or after a space or line break opens a
// list of canned responses (the agent's own and the company's presets) that what follows filters,
// best match first. The right-hand pane previews the highlighted one with its placeholders filled
// for this conversation, and its attachment. ↑/↓, PageUp/PageDown and Home/End move; Enter or Tab
// (or a click) insert it in place of "/query" without sending; Esc closes and keeps the text. The
// combobox pattern as a textarea may carry it (`role=combobox` is not allowed there): the textarea
// controls the listbox, autocompletes from it and names its active option, and a live region
// tells how many there are. A request for an older
// prefix is cancelled, so a fast typist only ever sees results for what is typed now.

import { el, userText } from '../lib/dom.js';
import { fill } from '../lib/strings.js';
import { fileSize, itemBody } from '../canned/view.js';
import { attachCanned } from './attachments.js';
import { composerText } from './elements.js';
import { t } from './format.js';
import { state } from './state.js';

const picker = document.getElementById('canned-picker');
const list = document.getElementById('canned-picker-list');
const preview = document.getElementById('canned-picker-preview');
const status = document.getElementById('canned-picker-status');
const PAGE = 5;
const labels = (key) => t(`canned-${key}`);

let open = false;
let results = [];
let active = -1;
/** Where the "/" that opened the picker is in the text. */
let slashAt = -1;
let query = null;
let inflight = null;
let seq = 0;

/** The "/query" just before the caret, if it starts the text or follows whitespace. */
function trigger() {
  const caret = composerText.selectionStart;
  if (caret !== composerText.selectionEnd) return null;
  const before = composerText.value.slice(0, caret);
  const match = /(^|\s)\/([^\s/]{0,50})$/u.exec(before);
  if (!match) return null;
  return { at: caret - match[2].length - 1, text: match[2] };
}

function setActive(index) {
  active = results.length ? Math.max(0, Math.min(results.length - 1, index)) : -1;
  for (const [i, node] of [...list.children].entries()) {
    node.setAttribute('aria-selected', String(i === active));
    if (i === active) node.scrollIntoView({ block: 'nearest' });
  }
  if (active >= 0) composerText.setAttribute('aria-activedescendant', `canned-option-${results[active].id}`);
  else composerText.removeAttribute('aria-activedescendant');
  renderPreview();
}

function renderPreview() {
  preview.replaceChildren();
  const r = results[active];
  if (!r) return;
  preview.append(userText('p', 'canned-picker__text', r.rendered ?? r.content));
  const file = r.attachment;
  if (!file) return;
  if (file.mime_type.startsWith('image/')) {
    const img = el('img', 'canned-picker__image');
    img.alt = '';
    img.src = file.url;
    img.loading = 'lazy';
    preview.append(img);
  } else {
    const card = el('div', 'canned-picker__file');
    card.append(el('span', 'canned-picker__file-ext', (file.filename.split('.').pop() || '').slice(0, 4).toUpperCase()));
    const text = el('span', 'canned-picker__file-text');
    text.append(userText('span', 'canned-picker__file-name', file.filename), el('span', 'muted', fileSize(file.size)));
    card.append(text);
    preview.append(card);
  }
}

function render() {
  list.replaceChildren();
  for (const [i, r] of results.entries()) {
    const option = el('li', 'canned-option');
    option.id = `canned-option-${r.id}`;
    option.setAttribute('role', 'option');
    option.dataset.index = String(i);
    // The list shows each response as it would be sent in this conversation.
    option.append(itemBody({ ...r, content: r.rendered ?? r.content, tags: [] }, labels));
    list.append(option);
  }
  if (!results.length) list.append(el('li', 'canned-picker__none muted', labels('none')));
  status.textContent = results.length ? fill(labels('results'), { count: results.length }) : labels('none');
  setActive(0);
}

function show() {
  if (open) return;
  open = true;
  picker.hidden = false;
}

export function closePicker() {
  if (!open && !inflight) return;
  open = false;
  query = null;
  inflight?.abort();
  inflight = null;
  picker.hidden = true;
  composerText.removeAttribute('aria-activedescendant');
}

async function search(text) {
  if (!state.open) return;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const mine = ++seq;
  const params = new URLSearchParams({ q: text, conversation_id: String(state.open.id), limit: '20' });
  let data = null;
  try {
    const response = await fetch(`/api/v1/canned-responses?${params}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal: controller.signal,
    });
    data = response.ok ? await response.json() : null;
  } catch {
    return; // Cancelled by a newer prefix, or offline: the picker keeps what it shows.
  }
  if (mine !== seq || query !== text) return;
  inflight = null;
  results = Array.isArray(data) ? data : [];
  show();
  render();
}

function update() {
  const found = state.open && !composerText.disabled ? trigger() : null;
  if (!found) {
    closePicker();
    return;
  }
  slashAt = found.at;
  if (found.text === query) return;
  query = found.text;
  search(found.text);
}

function insert(index) {
  const r = results[index];
  if (!r) return;
  const caret = composerText.selectionStart;
  const text = r.rendered ?? r.content;
  composerText.setRangeText(text, slashAt, caret, 'end');
  state.canned = { id: r.id };
  if (r.attachment) attachCanned(r);
  closePicker();
  composerText.dispatchEvent(new Event('input', { bubbles: true }));
  composerText.focus();
}

composerText.addEventListener('input', update);
composerText.addEventListener('click', update);
composerText.addEventListener('blur', () => setTimeout(() => {
  if (document.activeElement !== composerText) closePicker();
}, 150));

// Registered before the composer's own keys (this module is imported first), so Enter inserts
// instead of sending while the list is open.
composerText.addEventListener('keydown', (event) => {
  if (!open) return;
  const moves = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + PAGE,
    PageUp: active - PAGE,
    Home: 0,
    End: results.length - 1,
  };
  if (event.key in moves) {
    event.preventDefault();
    const next = moves[event.key];
    const wraps = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    setActive(wraps ? (next + results.length) % Math.max(results.length, 1) : next);
  } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.isComposing && !event.shiftKey) {
    if (!results.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    insert(active);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopImmediatePropagation();
    closePicker();
  }
});

// A press on an option must not take the focus from the textarea; the click inserts.
list.addEventListener('mousedown', (event) => event.preventDefault());
list.addEventListener('click', (event) => {
  const option = event.target.closest('.canned-option');
  if (option) insert(Number(option.dataset.index));
});
list.addEventListener('mousemove', (event) => {
  const option = event.target.closest('.canned-option');
  if (option && Number(option.dataset.index) !== active) setActive(Number(option.dataset.index));
});
