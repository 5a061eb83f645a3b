// The inbox's strings (the `data-t-*` attributes of #inbox) and how it writes times, dates,
// names, avatars, icons and business numbers in the reader's language and direction.

import { el, setAvatarPicture, svgIcon } from '../lib/dom.js';
import { strings } from '../lib/strings.js';

export const root = document.getElementById('inbox');
export const t = strings(root);

export const lang = document.documentElement.lang || undefined;
export const fmtTime = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
const fmtWeekday = new Intl.DateTimeFormat(lang, { weekday: 'short' });
const fmtWeekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long' });
const fmtShortDate = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' });
const fmtLongDate = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' });
export const fmtDateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
export const collator = new Intl.Collator(lang, { sensitivity: 'base' });

const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Days between the local calendar day of `date` and today (0 today, 1 yesterday). */
function daysAgo(date) {
  return Math.round((startOfDay(new Date()) - startOfDay(date)) / DAY_MS);
}

/** The time in the list: the time today, the weekday this week, else the date. */
export function listTime(date) {
  const days = daysAgo(date);
  if (days <= 0) return fmtTime.format(date);
  if (days === 1) return t('yesterday');
  if (days < 7) return fmtWeekday.format(date);
  return fmtShortDate.format(date);
}

export function dayLabel(date) {
  const days = daysAgo(date);
  if (days <= 0) return t('today');
  if (days === 1) return t('yesterday');
  if (days < 7) return fmtWeekdayLong.format(date);
  return fmtLongDate.format(date);
}

/** "in 5 hours", "in 20 minutes" — how long until `ms` from now. */
export function untilText(ms) {
  const left = ms - Date.now();
  if (left >= 60 * 60 * 1000) return relative.format(Math.floor(left / (60 * 60 * 1000)), 'hour');
  return relative.format(Math.max(1, Math.ceil(left / 60000)), 'minute');
}

export function phoneText(phone) {
  if (!phone) return '';
  return phone.startsWith('+') ? phone : `+${phone}`;
}

export function contactName(c) {
  return c.contact.name || phoneText(c.contact.phone) || c.contact.customer_id;
}

/** Letters for a customer's avatar: the first letter of the first and last word (one CJK character). */
function contactInitials(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = [...words[0]][0] || '';
  if (/[\u3000-\u9fff\uac00-\ud7af]/.test(first)) return first;
  const last = words.length > 1 ? [...words[words.length - 1]][0] || '' : '';
  return (first + last).toUpperCase();
}

/** A stable avatar colour (0–7) for a customer, from their WhatsApp id. */
function colourOf(text) {
  let hash = 0;
  for (const ch of String(text)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % 8;
}

function setAvatarColour(el, colour) {
  for (const cls of [...el.classList]) {
    if (/^avatar--c\d$/.test(cls)) el.classList.remove(cls);
  }
  if (colour !== null && colour !== undefined) el.classList.add(`avatar--c${colour}`);
}

export function paintContactAvatar(el, conversation) {
  const letters = conversation.contact.name ? contactInitials(conversation.contact.name) : '';
  el.textContent = letters;
  el.classList.toggle('avatar--anon', !letters);
  setAvatarColour(el, colourOf(conversation.contact.customer_id));
}

export function paintAgentAvatar(el, agent) {
  el.classList.toggle('avatar--none', !agent);
  if (!agent) {
    el.textContent = '';
    setAvatarColour(el, null);
    return;
  }
  el.textContent = agent.initials;
  setAvatarColour(el, agent.avatar_color);
  setAvatarPicture(el, agent.avatar_thumb_url);
}

// ---------------------------------------------------------------------------------------------
// Icons (constant shapes only)

export const ICONS = {
  image: ['M4 5.5h16v13H4z', 'M4 15.5l4.5-4.5 4 4 2.5-2.5 5 5', 'M15.5 9.5a1 1 0 1 0 0-.01'],
  video: ['M3.5 6.5h12v11h-12z', 'M15.5 10.5l5-3v9l-5-3'],
  audio: ['M9 17.5V6l10-2v11.5', 'M9 17.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z', 'M19 15.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z'],
  voice: ['M12 3.5a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0v-5a3 3 0 0 1 3-3z', 'M6 11.5a6 6 0 0 0 12 0M12 17.5v3'],
  document: ['M6.5 3h7.5l4.5 4.5V21h-12z', 'M13.5 3v5h5', 'M9 12.5h6M9 16h6'],
  sticker: ['M20.5 12A8.5 8.5 0 1 1 12 3.5c0 0 0 0 0 0h3l5.5 5.5z', 'M9 10h.01M15 10h.01', 'M8.5 14.5c1.8 1.8 5.2 1.8 7 0'],
  location: ['M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z', 'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  contact: ['M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M5 20c.7-3.6 3.4-6 7-6s6.3 2.4 7 6'],
  reply: ['M10 8L5 12.5 10 17', 'M5.5 12.5H14a5 5 0 0 1 5 5V19'],
  list: ['M8 6.5h12M8 12h12M8 17.5h12', 'M4 6.5h.01M4 12h.01M4 17.5h.01'],
  unsupported: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01'],
  clock: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5V12l3 2'],
  check: ['M4.5 12.5l4.5 4.5L19.5 6.5'],
  checks: ['M2 12.5l4.5 4.5L17 6.5', 'M11.5 16l1 1L23 6.5'],
  failed: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5v5.5M12 16.5h.01'],
  external: ['M14 4.5h5.5V10', 'M19.5 4.5L11 13', 'M17.5 14v5.5h-13v-13H10'],
  download: ['M12 4v11', 'M7 10.5l5 5 5-5', 'M5 19.5h14'],
};

export const icon = (name, extraClass) => svgIcon(ICONS[name], extraClass);

/** A business number as "Name · +1 555 …": the name in its own direction, the phone number left
 * to right, whatever the page's direction. */
export function showNumber(target, number, c, between, after) {
  if (!number) {
    const id = el('bdi', null, c.number.phone_number_id);
    id.dir = 'ltr';
    target.replaceChildren(id);
    return;
  }
  const name = el('bdi', null, number.name);
  name.dir = 'auto';
  const phone = el('bdi', null, number.display_phone_number);
  phone.dir = 'ltr';
  target.replaceChildren(name, document.createTextNode(between), phone, document.createTextNode(after));
}

export function cloneTemplate(id) {
  const tpl = document.getElementById(id);
  return tpl.content.firstElementChild.cloneNode(true);
}
