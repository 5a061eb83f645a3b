// The transfer dialog: a colleague to assign the open conversation to, searched by name, available
// ones first.

import { $, closeOnBackdrop, el } from '../lib/dom.js';
import { fill } from '../lib/strings.js';
import { loadAgents } from './agents.js';
import { changeConversation } from './assignment.js';
import { transferDialog, transferEmpty, transferList, transferOpen, transferSearch } from './elements.js';
import { cloneTemplate, collator, paintAgentAvatar, t } from './format.js';
import { me, state } from './state.js';

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

closeOnBackdrop(transferDialog);
