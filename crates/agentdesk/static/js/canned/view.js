// How a canned response looks in a list (its page, the presets drawer, the composer's "/"
// picker): the short code, the first line of its content, its tags, the attachment and, for a
// company preset, the "Company" label. Everything a user wrote goes in as text.

import { el, svgIcon, userText } from '../lib/dom.js';

const PAPERCLIP = ['M20 12l-7.5 7.5a5 5 0 0 1-7-7L13 5a3.5 3.5 0 0 1 5 5l-7.5 7.5a2 2 0 0 1-3-3L14 8'];

/** The first non-blank line of `text`. */
export function firstLine(text) {
  return (String(text).split('\n').find((line) => line.trim()) || '').trim();
}

/** A file size for people: 820 KB, 4.2 MB, in the page's language. */
export function fileSize(bytes) {
  const lang = document.documentElement.lang || undefined;
  const units = [['megabyte', 1024 * 1024], ['kilobyte', 1024]];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte' }).format(bytes);
}

/** A date in the page's language ("2 Dec 2026"). */
export function shortDate(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(date);
}

/** The "/code" chip. */
export function codeChip(code) {
  const chip = el('span', 'canned-code');
  chip.dir = 'auto';
  chip.textContent = `/${code}`;
  return chip;
}

/** The small attachment chip: paperclip and file name. */
export function attachmentChip(attachment) {
  const chip = el('span', 'canned-chip canned-chip--file');
  chip.append(svgIcon(PAPERCLIP), userText('span', 'canned-chip__text', attachment.filename));
  return chip;
}

/**
 * The body of one item: code, labels, first line, tags. `t` reads the page's strings
 * (`company`), `full` shows the whole content instead of its first line.
 */
export function itemBody(response, t, { full = false } = {}) {
  const body = el('div', 'canned-item__body');
  const head = el('div', 'canned-item__head');
  head.append(codeChip(response.short_code));
  if (response.scope === 'company') head.append(el('span', 'badge badge--brand canned-item__label', t('company')));
  if (response.attachment) head.append(attachmentChip(response.attachment));
  body.append(head);
  body.append(userText('p', full ? 'canned-item__content' : 'canned-item__line', full ? response.content : firstLine(response.content)));
  if (response.tags.length) {
    const tags = el('div', 'canned-item__tags');
    for (const tag of response.tags) tags.append(userText('span', 'canned-chip', tag));
    body.append(tags);
  }
  return body;
}
