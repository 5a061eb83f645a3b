import { el, setAvatarPicture } from '../lib/dom.js';
import { t } from './page.js';

// ---------------------------------------------------------------------------------------------
// Strings and formatting

export const lang = document.documentElement.lang || undefined;
export const fmtTime = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
export const fmtWeekday = new Intl.DateTimeFormat(lang, { weekday: 'short' });
export const fmtWeekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long' });
export const fmtShortDate = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' });
export const fmtLongDate = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' });
export const fmtDateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
export const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
export const collator = new Intl.Collator(lang, { sensitivity: 'base' });

export const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Days between the local calendar day of `date` and today (0 today, 1 yesterday). */
export function daysAgo(date) {
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
export function contactInitials(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = [...words[0]][0] || '';
  if (/[\u3000-\u9fff\uac00-\ud7af]/.test(first)) return first;
  const last = words.length > 1 ? [...words[words.length - 1]][0] || '' : '';
  return (first + last).toUpperCase();
}

/** A stable avatar colour (0–7) for a customer, from their WhatsApp id. */
export function colourOf(text) {
  let hash = 0;
  for (const ch of String(text)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % 8;
}

export function setAvatarColour(el, colour) {
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
