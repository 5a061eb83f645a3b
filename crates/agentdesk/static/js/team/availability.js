// The agent's status (available, away, offline) in the sidebar's account area, on every signed-in
// page. Saved as soon as it changes; only available agents receive round-robin conversations.
// Other open tabs follow through localStorage.

import { api, errorMessage } from '../lib/api.js';
import { toast } from '../lib/flash.js';

const VALUES = ['available', 'away', 'offline'];
const STORE = 'agentdesk.availability';

const box = document.getElementById('presence');
const select = document.getElementById('availability-select');
const dot = document.getElementById('presence-dot');
const avatarDot = document.getElementById('me-presence-dot');

function remember(value) {
  try {
    localStorage.setItem(STORE, value);
  } catch {
    // Only a convenience for other tabs.
  }
}

function paint(value) {
  if (!VALUES.includes(value)) return;
  select.value = value;
  select.dataset.current = value;
  dot.className = `presence__dot presence__dot--${value}`;
  if (avatarDot) {
    avatarDot.className = `presence-dot presence-dot--${value}`;
    avatarDot.hidden = false;
  }
  select.title = select.selectedOptions[0]?.textContent ?? '';
  box.hidden = false;
}

/** The saved status: the inbox page carries it; elsewhere `/api/v1/me` tells. */
async function load() {
  const fromPage = document.getElementById('inbox')?.dataset.availability;
  if (VALUES.includes(fromPage)) return fromPage;
  const me = await api('GET', '/api/v1/me');
  return me.ok && VALUES.includes(me.data?.availability) ? me.data.availability : null;
}

if (box && select && dot) {
  load().then((value) => {
    if (value) {
      paint(value);
      remember(value);
    }
  });

  select.addEventListener('change', async () => {
    const chosen = select.value;
    const previous = select.dataset.current;
    select.disabled = true;
    const { ok, status, data } = await api('PUT', '/api/v1/me/availability', { availability: chosen });
    select.disabled = false;
    if (ok) {
      paint(chosen);
      remember(chosen);
      return;
    }
    if (previous) paint(previous);
    toast(status === 0 ? select.dataset.msgNetwork : errorMessage(data, select.dataset.msgFailed), 'error');
  });

  window.addEventListener('storage', (event) => {
    if (event.key === STORE && VALUES.includes(event.newValue)) paint(event.newValue);
  });
}
