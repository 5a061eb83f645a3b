// The inbox: the views (Mine / Unassigned / All) with live counts and filters, the conversation
// list, the open conversation (messages of every WhatsApp type, status ticks, timeline events,
// the 24-hour window) with its composer, assignment and transfer, close and reopen. Live events
// (`/api/v1/events`) keep all of it current without a reload.
// Every visible string comes from the page (`data-t-*` on #inbox, <template> elements); user text is
// only ever written with textContent.
//
// This module starts it; each section of the page is a module beside it, and they import
// from each other what they use. Imported in page order, so each evaluates in that order.

import './page.js';
import './format.js';
import './icons.js';
import './state.js';
import './elements.js';
import { loadAgents, loadCounts, loadNumbers, paintTabs } from './views.js';
import { loadList, showListState } from './list.js';
import { openConversation } from './conversation.js';
import './details.js';
import './composer.js';
import './attachments.js';
import './assignment.js';
import './transfer.js';
import { connectLive } from './live.js';

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
