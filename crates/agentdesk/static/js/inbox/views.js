// The views (Mine / Unassigned / All) as tabs with live counts, and the status and number filters,
// remembered in localStorage.

import { api } from '../lib/api.js';
import { $ } from '../lib/dom.js';
import { listItems, numberFilter, statusFilter, tabs } from './elements.js';
import { root } from './format.js';
import { paintHeader } from './header.js';
import { loadList, paintConversation } from './list.js';
import { state, STORE_VIEW, writeJson } from './state.js';

function saveFilters() {
  writeJson(STORE_VIEW, { view: state.view, status: state.status, numberId: state.numberId });
}

export function paintTabs() {
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
export function scheduleCounts() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(loadCounts, 250);
}

export async function loadCounts() {
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

export async function loadNumbers() {
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
