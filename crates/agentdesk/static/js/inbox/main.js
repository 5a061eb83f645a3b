// The inbox: the views (Mine / Unassigned / All) with live counts and filters, the conversation
// list, the open conversation (messages of every WhatsApp type, status ticks, timeline events,
// the 24-hour window) with its composer, assignment and transfer, close and reopen. Live events
// (`/api/v1/events`) keep all of it current without a reload.
// Every visible string comes from the page (`data-t-*` on #inbox, <template> elements); user text is
// only ever written with textContent.
// This module starts it; each of the others is one part (see the comment at its top).

import { loadAgents } from './agents.js';
import { updateCounter } from './composer.js';
import { openConversation, scheduleDetail } from './conversation.js';
import { hooks } from './hooks.js';
import { loadList, paintConversation, showListState } from './list.js';
import { connectLive } from './live.js';
import { loadCounts, loadNumbers, paintTabs } from './views.js';
import './assignment.js';
import './transfer.js';

Object.assign(hooks, { openConversation, paintConversation, scheduleDetail, updateCounter });

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
