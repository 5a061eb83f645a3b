// The editor's emoji picker: every emoji (from the server, which has them from Unicode's list
// through the `emojis` crate) by group, searched by name or shortcode, in the chosen skin tone,
// with the recently used ones first. Picking one inserts it at the caret of the textarea.

import { api } from '../lib/api.js';
import { el } from '../lib/dom.js';
import { strings } from '../lib/strings.js';

const RECENT_KEY = 'agentdesk.emoji.recent';
const TONE_KEY = 'agentdesk.emoji.tone';
const RECENT_MAX = 24;

const stored = (key, fallback) => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback;
  } catch {
    return fallback;
  }
};
const store = (key, value) => {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private windows may refuse storage: the picker still works, it just forgets.
  }
};

/** Inserts `text` at the caret (replacing the selection) and tells listeners the value changed. */
export function insertAtCaret(textarea, text) {
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.focus();
}

/** Wires the picker `root` to its `toggle` button and `textarea`. */
export function emojiPicker({ root, toggle, textarea }) {
  const t = strings(root);
  const search = root.querySelector('.emoji-picker__search');
  const body = root.querySelector('.emoji-picker__body');
  const tones = [...root.querySelectorAll('.emoji-tone')];
  let groups = null;
  let tone = Number(stored(TONE_KEY, 0)) || 0;

  const shown = (item) => (tone > 0 && item.t ? item.t[tone - 1] : item.e);
  const button = (item) => {
    const b = el('button', 'emoji', shown(item));
    b.type = 'button';
    b.title = item.n;
    b.setAttribute('aria-label', item.n);
    b.dataset.emoji = shown(item);
    return b;
  };
  const section = (title, items) => {
    const part = el('section', 'emoji-group');
    part.append(el('h3', 'emoji-group__title', title));
    const grid = el('div', 'emoji-grid');
    for (const item of items) grid.append(button(item));
    part.append(grid);
    return part;
  };
  const byEmoji = () => {
    const map = new Map();
    for (const g of groups) for (const item of g.emojis) map.set(item.e, item);
    return map;
  };
  const render = () => {
    body.replaceChildren();
    if (!groups) {
      body.append(el('p', 'emoji-picker__note muted', t('loading')));
      return;
    }
    const query = search.value.trim().toLowerCase();
    if (query) {
      const found = [];
      for (const g of groups) {
        for (const item of g.emojis) {
          if (item.n.toLowerCase().includes(query) || item.s.some((s) => s.includes(query))) found.push(item);
        }
      }
      if (found.length) body.append(section('', found.slice(0, 240)));
      else body.append(el('p', 'emoji-picker__note muted', t('none')));
      return;
    }
    const all = byEmoji();
    const recent = stored(RECENT_KEY, []).map((e) => all.get(e)).filter(Boolean);
    if (recent.length) body.append(section(t('recent'), recent));
    for (const g of groups) body.append(section(g.name, g.emojis));
  };
  const setTone = (n) => {
    tone = n;
    store(TONE_KEY, n);
    for (const b of tones) b.setAttribute('aria-checked', String(Number(b.dataset.tone) === n));
    render();
  };
  const open = async () => {
    root.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    setTone(tone);
    search.focus();
    if (!groups) {
      const result = await api('GET', '/api/v1/emojis');
      if (result.ok && Array.isArray(result.data)) {
        groups = result.data;
        render();
      }
    }
  };
  const close = (refocus = true) => {
    if (root.hidden) return;
    root.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    search.value = '';
    if (refocus) textarea.focus();
  };

  toggle.addEventListener('click', () => (root.hidden ? open() : close()));
  search.addEventListener('input', render);
  for (const b of tones) b.addEventListener('click', () => setTone(Number(b.dataset.tone)));
  body.addEventListener('click', (event) => {
    const b = event.target.closest('button.emoji');
    if (!b) return;
    // The base emoji is what "recently used" remembers, so it follows a later change of tone.
    const base = groups?.flatMap((g) => g.emojis).find((item) => shown(item) === b.dataset.emoji);
    const recent = [base?.e ?? b.dataset.emoji, ...stored(RECENT_KEY, []).filter((e) => e !== (base?.e ?? b.dataset.emoji))];
    store(RECENT_KEY, recent.slice(0, RECENT_MAX));
    close(false);
    insertAtCaret(textarea, b.dataset.emoji);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!root.hidden && !root.contains(event.target) && !toggle.contains(event.target)) close(false);
  });
  return { close };
}
