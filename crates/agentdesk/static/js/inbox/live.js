// Live events (`/api/v1/events`) keep the list, the counts and the open conversation current,
// reconnecting when the connection drops; times and reply windows move on by themselves.

import { api } from '../lib/api.js';
import { knowsAgent } from './agents.js';
import { openConversation, scheduleDetail } from './conversation.js';
import { listItems, liveStatus } from './elements.js';
import { paintHeader, paintWindow } from './header.js';
import { loadList, markSeen, paintConversation, updateListWith } from './list.js';
import { state } from './state.js';
import { upsertMessage } from './timeline.js';
import { loadCounts, scheduleCounts } from './views.js';

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

export function connectLive() {
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
