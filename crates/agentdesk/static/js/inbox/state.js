// What the inbox knows: one `state` object that every module reads and changes (`state.open = …`;
// an imported binding cannot be reassigned), the filters and the seen conversations kept in
// localStorage, and what follows from them about a conversation.

import { root, t } from './format.js';

export const me = Number(root.dataset.meId);
export const STORE_VIEW = 'agentdesk.inbox.filters';
/** Per person: several people may share one browser. */
const STORE_SEEN = `agentdesk.inbox.seen.${me}`;

export const state = {
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
  /** The last entry rendered, to append after it without rebuilding. */
  lastEntry: null,
  /**
   * Built media elements by message id and URL. The timeline is rebuilt on many occasions (a tick,
   * an assignment); reusing the nodes keeps a playing video or voice note playing and images still.
   */
  mediaNodes: new Map(),
  replyTo: null,
  sending: false,
  /**
   * The File chosen to send with the next message (the text is its caption), or a canned
   * response's stored file (`{ name, size, type, url, canned: id }`).
   */
  file: null,
  /** The canned response last inserted into the composer (`{ id }`), until it is sent. */
  canned: null,
  /** No seen conversations were stored in this browser yet: the first list counts as seen. */
  seenFirstRun: false,
};

function readJson(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(key, value) {
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
export const seen = (() => {
  const stored = readJson(STORE_SEEN, null);
  if (stored === null) state.seenFirstRun = true;
  return new Map(Object.entries(stored || {}).map(([k, v]) => [Number(k), Number(v)]));
})();

export function saveSeen() {
  // Keep the most recent few hundred entries.
  const entries = [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 500);
  writeJson(STORE_SEEN, Object.fromEntries(entries));
}

export function isUnread(conversation) {
  if (conversation.id === state.openId && document.visibilityState === 'visible') return false;
  return Date.parse(conversation.last_activity_at) > (seen.get(conversation.id) || 0);
}

export function agentName(id) {
  const agent = state.agents.get(id);
  if (!agent) return t('someone');
  return `${agent.first_name} ${agent.last_name}`.trim();
}

export function windowIsOpen(conversation) {
  if (!conversation.window_open || !conversation.window_closes_at) return false;
  return Date.parse(conversation.window_closes_at) > Date.now();
}

export function matchesFilters(conversation) {
  if (state.view === 'mine' && conversation.assignee_id !== me) return false;
  if (state.view === 'unassigned' && conversation.assignee_id !== null) return false;
  if (state.status && conversation.status !== state.status) return false;
  if (state.numberId && String(conversation.number.id) !== state.numberId) return false;
  return true;
}
