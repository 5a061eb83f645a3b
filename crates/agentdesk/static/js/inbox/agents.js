// The company's agents by id, for names and avatars; loaded again when someone unknown appears.

import { api } from '../lib/api.js';
import { listItems } from './elements.js';
import { paintHeader } from './header.js';
import { hooks } from './hooks.js';
import { state } from './state.js';
import { renderTimeline } from './timeline.js';

let agentsTimer = 0;
export async function loadAgents() {
  const { ok, data } = await api('GET', '/api/v1/agents');
  if (!ok || !Array.isArray(data)) return false;
  state.agents = new Map(data.map((a) => [a.id, a]));
  return true;
}

/** Reloads the agents soon, when an event names someone we do not know yet. */
export function scheduleAgents() {
  clearTimeout(agentsTimer);
  agentsTimer = setTimeout(async () => {
    if (await loadAgents()) {
      for (const [id, item] of listItems) hooks.paintConversation(item, state.list.get(id));
      if (state.open) {
        paintHeader();
        renderTimeline();
      }
    }
  }, 300);
}

export function knowsAgent(id) {
  if (id === null || id === undefined || state.agents.has(id)) return true;
  scheduleAgents();
  return false;
}
