// The open conversation's timeline: messages of every WhatsApp type (media, location, contacts,
// button replies, quotes, reactions) with their status ticks, assignment and status events, and a
// separator per day; rebuilt or appended to without losing the reader's place.

import { el, userText } from '../lib/dom.js';
import { fill } from '../lib/strings.js';
import { appendFormatted, textDirection } from '../lib/wa-format.js';
import { chatScroll, composerText, jumpLatest, messagesEl } from './elements.js';
import { cloneTemplate, contactName, dayLabel, fmtDateTime, fmtTime, icon, ICONS, startOfDay, t } from './format.js';
import { agentName, me, state } from './state.js';

export function nearBottom() {
  return chatScroll.scrollHeight - chatScroll.scrollTop - chatScroll.clientHeight < 120;
}

export function scrollToBottom() {
  chatScroll.scrollTop = chatScroll.scrollHeight;
  jumpLatest.hidden = true;
}

jumpLatest.addEventListener('click', () => {
  chatScroll.scrollTo({ top: chatScroll.scrollHeight, behavior: 'smooth' });
  jumpLatest.hidden = true;
  composerText.focus({ preventScroll: true });
});

const TICKS = {
  pending: 'clock',
  sent: 'check',
  delivered: 'checks',
  read: 'checks',
  failed: 'failed',
};

function paintTicks(ticks, status) {
  ticks.replaceChildren();
  if (!TICKS[status]) {
    ticks.hidden = true;
    return;
  }
  ticks.hidden = false;
  ticks.className = `ticks ticks--${status}`;
  ticks.append(icon(TICKS[status]));
  const label = t(`msg-${status}`);
  ticks.setAttribute('aria-label', label);
  ticks.title = label;
}

function mediaLabel(content, type) {
  const kind = content.kind || type;
  if (kind === 'audio' && content.voice) return t('media-voice');
  return t(`media-${kind}`) || t('media-document');
}

/** A short plain description of a message, for quotes and the reply preview. */
export function messageSummary(m) {
  const content = m.content || {};
  switch (content.type) {
    case 'media':
      return [mediaLabel(content, m.type), content.caption || content.filename].filter(Boolean).join(' · ');
    case 'location':
      return [t('location'), content.name || content.address].filter(Boolean).join(' · ');
    case 'contacts':
      return [t('contacts'), (content.contacts || []).map((x) => x.name).join(', ')].filter(Boolean).join(' · ');
    case 'interactive_reply':
      return content.title || m.text || '';
    case 'button':
      return content.text || m.text || '';
    case 'unsupported':
      return t('unsupported');
    default:
      return m.text || content.body || '';
  }
}

export function authorOf(m) {
  if (m.direction === 'in') return state.open ? contactName(state.open) : t('customer');
  if (m.sender_id === me) return t('you');
  return m.sender_id ? agentName(m.sender_id) : t('someone');
}

/** The card of a media message whose file is not here (yet): icon, name, kind. */
function buildMediaCard(m, content, { unavailable = false } = {}) {
  const kind = content.kind || m.type;
  const card = el('div', `media-card media-card--${kind}`);
  const iconBox = el('span', 'media-card__icon');
  iconBox.append(icon(kind === 'audio' && content.voice ? 'voice' : ICONS[kind] ? kind : 'document'));
  const text = el('span', 'media-card__text');
  text.append(content.filename ? userText('span', 'media-card__title', content.filename) : el('span', 'media-card__title', mediaLabel(content, m.type)));
  const label = content.filename ? mediaLabel(content, m.type) : null;
  if (unavailable) {
    text.append(el('span', 'media-card__meta', [label, t('media-unavailable')].filter(Boolean).join(' · ')));
  } else {
    // The download from WhatsApp is still running; a live `status` event brings the file.
    card.classList.add('is-loading');
    text.append(el('span', 'media-card__meta', [label, t('media-loading')].filter(Boolean).join(' · ')));
  }
  card.append(iconBox, text);
  return card;
}

function buildMedia(m, content) {
  const url = m.media_url;
  // Same-origin paths only: the page's CSP would block anything else, and a link elsewhere is not ours.
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return null;
  const cacheKey = `${m.id}|${url}`;
  const cached = state.mediaNodes.get(cacheKey);
  if (cached) return cached;
  const kind = content.kind || m.type;
  const mime = String(m.media_mime || content.mime_type || '').toLowerCase();
  const label = mediaLabel(content, m.type);
  let node;
  if (mime.startsWith('image/') || kind === 'image' || kind === 'sticker') {
    const sticker = kind === 'sticker';
    node = el('a', sticker ? 'media-image media-image--sticker' : 'media-image');
    node.href = url;
    node.target = '_blank';
    node.rel = 'noopener';
    node.title = t('media-open');
    const img = el('img', 'media-image__img');
    img.alt = content.caption || content.filename || label;
    img.decoding = 'async';
    const wasAtBottom = nearBottom();
    img.addEventListener('load', () => {
      node.classList.add('is-loaded');
      if (wasAtBottom && state.openId === m.conversation_id) scrollToBottom();
    });
    img.addEventListener('error', () => {
      state.mediaNodes.delete(cacheKey);
      node.replaceWith(buildMediaCard(m, content, { unavailable: true }));
    });
    img.src = url;
    node.append(img);
  } else if (mime.startsWith('video/') || kind === 'video') {
    node = el('video', 'media-video');
    node.controls = true;
    node.preload = 'metadata';
    node.playsInline = true;
    node.setAttribute('aria-label', content.filename || label);
    const wasAtBottom = nearBottom();
    node.addEventListener('loadedmetadata', () => {
      if (wasAtBottom && state.openId === m.conversation_id) scrollToBottom();
    }, { once: true });
    node.src = url;
  } else if (mime.startsWith('audio/') || kind === 'audio') {
    node = el('div', `media-audio${content.voice ? ' media-audio--voice' : ''}`);
    const iconBox = el('span', 'media-audio__icon');
    iconBox.append(icon(content.voice ? 'voice' : 'audio'));
    const audio = el('audio', 'media-audio__player');
    audio.controls = true;
    audio.preload = 'metadata';
    audio.setAttribute('aria-label', content.filename || label);
    audio.src = url;
    node.append(iconBox, audio);
  } else {
    node = el('a', 'media-card media-card--document media-card--file');
    node.href = url;
    node.download = content.filename || '';
    node.title = t('media-download');
    const iconBox = el('span', 'media-card__icon');
    iconBox.append(icon('document'));
    const text = el('span', 'media-card__text');
    text.append(content.filename ? userText('span', 'media-card__title', content.filename) : el('span', 'media-card__title', label));
    text.append(el('span', 'media-card__meta', [label, fileKind(content.filename, mime)].filter(Boolean).join(' · ')));
    const action = el('span', 'media-card__download');
    action.append(icon('download'));
    action.append(el('span', 'sr-only', t('media-download')));
    node.append(iconBox, text, action);
  }
  state.mediaNodes.set(cacheKey, node);
  return node;
}

/** "PDF", "DOCX": what kind of file a document is, from its name or type. */
function fileKind(filename, mime) {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(filename || '');
  if (ext) return ext[1].toUpperCase();
  if (mime === 'application/pdf') return 'PDF';
  return '';
}

function buildContent(m) {
  const content = m.content || {};
  const box = document.createDocumentFragment();
  const type = content.type || m.type;
  if (type === 'media') {
    const media = m.media_url ? buildMedia(m, content) : null;
    box.append(media || buildMediaCard(m, content));
    if (content.caption) {
      const caption = userText('p', 'bubble__text');
      appendFormatted(caption, content.caption);
      box.append(caption);
    }
    return box;
  }
  if (type === 'location') {
    const card = el('div', 'media-card media-card--location');
    const iconBox = el('span', 'media-card__icon');
    iconBox.append(icon('location'));
    const text = el('span', 'media-card__text');
    text.append(content.name ? userText('span', 'media-card__title', content.name) : el('span', 'media-card__title', t('location')));
    if (content.address) text.append(userText('span', 'media-card__meta', content.address));
    const lat = Number(content.latitude);
    const lon = Number(content.longitude);
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      // Coordinates read left to right in every language.
      const coords = el('span', 'media-card__meta media-card__coords', `${lat.toFixed(5)}, ${lon.toFixed(5)}`);
      coords.dir = 'ltr';
      text.append(coords);
      const link = el('a', 'media-card__link', t('location-open'));
      const url = typeof content.url === 'string' && /^https:\/\//.test(content.url)
        ? content.url
        : `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.append(icon('external'));
      text.append(link);
    }
    card.append(iconBox, text);
    box.append(card);
    return box;
  }
  if (type === 'contacts') {
    for (const contact of content.contacts || []) {
      const card = el('div', 'media-card media-card--contact');
      const iconBox = el('span', 'media-card__icon');
      iconBox.append(icon('contact'));
      const text = el('span', 'media-card__text');
      text.append(contact.name ? userText('span', 'media-card__title', contact.name) : el('span', 'media-card__title', t('contacts')));
      for (const phone of contact.phones || []) {
        const number = el('span', 'media-card__meta', phone);
        number.dir = 'ltr';
        text.append(number);
      }
      card.append(iconBox, text);
      box.append(card);
    }
    if (!(content.contacts || []).length) box.append(el('p', 'bubble__text', t('contacts')));
    return box;
  }
  if (type === 'interactive_reply' || type === 'button') {
    const label = el('span', 'reply-tag');
    label.append(icon(type === 'interactive_reply' && content.list ? 'list' : 'reply'));
    label.append(document.createTextNode(type === 'interactive_reply' && content.list ? t('reply-list') : t('reply-button')));
    box.append(label);
    box.append(userText('p', 'bubble__text bubble__text--strong', type === 'button' ? content.text || m.text || '' : content.title || m.text || ''));
    if (content.description) box.append(userText('p', 'bubble__sub', content.description));
    return box;
  }
  if (type === 'unsupported') {
    const note = el('p', 'bubble__unsupported');
    note.append(icon('unsupported'));
    note.append(document.createTextNode(t('unsupported')));
    box.append(note);
    const detail = [content.kind, content.detail].filter(Boolean).join(' — ');
    if (detail) box.append(el('p', 'bubble__sub', detail));
    return box;
  }
  if (type === 'interactive') {
    const body = content.body && typeof content.body === 'object' ? content.body.text : null;
    const text = userText('p', 'bubble__text');
    appendFormatted(text, body || m.text || t('interactive'));
    box.append(text);
    const buttons = content.action && Array.isArray(content.action.buttons) ? content.action.buttons : [];
    if (buttons.length) {
      const row = el('div', 'bubble__buttons');
      for (const b of buttons) row.append(userText('span', 'bubble__button', (b.reply && b.reply.title) || b.title || ''));
      box.append(row);
    }
    return box;
  }
  const text = userText('p', 'bubble__text');
  appendFormatted(text, m.text || content.body || '');
  box.append(text);
  return box;
}

function buildQuote(m) {
  if (!m.reply_to_wa_message_id) return null;
  const quoted = [...state.messages.values()].find((x) => x.wa_message_id === m.reply_to_wa_message_id);
  const quote = el('button', 'quote');
  quote.type = 'button';
  if (quoted) {
    quote.classList.add(quoted.direction === 'out' ? 'quote--out' : 'quote--in');
    quote.append(userText('span', 'quote__author', authorOf(quoted)));
    quote.append(userText('span', 'quote__text', messageSummary(quoted)));
    quote.dataset.target = String(quoted.id);
  } else {
    // A tap on a button says what it answers by itself.
    if (['interactive_reply', 'button'].includes((m.content || {}).type)) return null;
    quote.append(el('span', 'quote__text quote__text--missing', t('quote-missing')));
    quote.disabled = true;
  }
  return quote;
}

function paintMessage(item, m) {
  item.dataset.messageId = String(m.id);
  item.dataset.status = m.status;
  item.dataset.direction = m.direction;
  item.dataset.type = m.type;
  item.id = `message-${m.id}`;
  item.classList.toggle('msg--in', m.direction === 'in');
  item.classList.toggle('msg--out', m.direction === 'out');
  item.classList.toggle('is-failed', m.status === 'failed');

  const bubble = item.querySelector('.bubble');
  // The bubble takes its text's direction, so its time sits at the end of that text.
  bubble.dir = textDirection(m.text || (m.content && (m.content.caption || m.content.name)) || '');
  // The time itself is written in the interface's language and keeps its direction.
  bubble.querySelector('.bubble__time').dir = document.documentElement.dir || 'ltr';
  const contentBox = bubble.querySelector('.bubble__content');
  contentBox.replaceChildren();
  const quote = buildQuote(m);
  if (quote) contentBox.append(quote);
  contentBox.append(buildContent(m));

  let reaction = bubble.querySelector('.reaction');
  if (m.reaction) {
    if (!reaction) {
      reaction = el('span', 'reaction');
      bubble.append(reaction);
    }
    reaction.textContent = m.reaction;
    reaction.setAttribute('role', 'img');
    reaction.setAttribute('aria-label', fill(t('reaction'), { emoji: m.reaction }));
  } else if (reaction) {
    reaction.remove();
  }
  bubble.classList.toggle('has-reaction', Boolean(m.reaction));

  const at = new Date(m.created_at);
  const time = bubble.querySelector('.bubble__time');
  time.dateTime = m.created_at;
  time.textContent = fmtTime.format(at);
  time.title = fmtDateTime.format(at);
  paintTicks(bubble.querySelector('.ticks'), m.direction === 'out' ? m.status : null);

  const failed = item.querySelector('.msg__failed');
  if (m.status === 'failed') {
    const reason = m.error ? [m.error.title, m.error.code ? `(${m.error.code})` : null].filter(Boolean).join(' ') : '';
    failed.textContent = reason ? `${t('msg-failed')}: ${reason}` : t('msg-failed');
    failed.hidden = false;
  } else {
    failed.hidden = true;
  }
  const replyButton = item.querySelector('.msg__reply-btn');
  replyButton.hidden = !m.wa_message_id;
}

function buildMessage(m, previous) {
  const item = cloneTemplate('tpl-message');
  paintMessage(item, m);
  const sender = item.querySelector('.msg__sender');
  // Outgoing messages name their agent when the agent changes; a run of messages by the same
  // side groups visually.
  const sameRun = previous && previous.kind === 'message' && previous.message.direction === m.direction
    && previous.message.sender_id === m.sender_id
    && Date.parse(m.created_at) - Date.parse(previous.message.created_at) < 10 * 60 * 1000;
  item.classList.toggle('is-continued', Boolean(sameRun));
  if (m.direction === 'out' && !sameRun) {
    sender.textContent = m.sender_id === me ? t('you') : m.sender_id ? agentName(m.sender_id) : '';
    sender.hidden = !sender.textContent;
  } else {
    sender.hidden = true;
  }
  return item;
}

function eventText(e) {
  const actor = e.actor_id !== null && e.actor_id !== undefined ? agentName(e.actor_id) : null;
  const subject = e.subject_id !== null && e.subject_id !== undefined ? agentName(e.subject_id) : null;
  switch (e.kind) {
    case 'created':
      return t('event-created');
    case 'assigned':
      if (!actor) return fill(t('event-assigned-auto'), { agent: subject });
      if (e.actor_id === e.subject_id) return fill(t('event-assigned-self'), { actor });
      return fill(t('event-assigned'), { agent: subject, actor });
    case 'unassigned':
      return actor ? fill(t('event-unassigned'), { actor }) : t('event-unassigned-auto');
    case 'closed':
      return actor ? fill(t('event-closed'), { actor }) : t('event-closed-auto');
    case 'reopened':
      return actor ? fill(t('event-reopened'), { actor }) : t('event-reopened-auto');
    default:
      return '';
  }
}

function buildEvent(e) {
  const item = cloneTemplate('tpl-event');
  item.dataset.event = e.kind;
  item.querySelector('.event__text').textContent = eventText(e);
  const time = item.querySelector('.event__time');
  const at = new Date(e.created_at);
  time.dateTime = e.created_at;
  time.textContent = fmtTime.format(at);
  time.title = fmtDateTime.format(at);
  return item;
}

function buildDay(date) {
  const item = cloneTemplate('tpl-day');
  item.dataset.day = String(startOfDay(date));
  item.querySelector('span').textContent = dayLabel(date);
  return item;
}

/** Messages and timeline events in time order (events first at equal times). While older
 * messages are still to load, events older than the oldest loaded message wait with them. */
export function entries() {
  const list = [];
  let floor = -Infinity;
  if (state.olderBefore) {
    const oldest = state.messages.get(state.olderBefore);
    if (oldest) floor = Date.parse(oldest.created_at);
  }
  for (const e of state.timeline) {
    const at = Date.parse(e.created_at);
    if (at >= floor) list.push({ kind: 'event', at, order: 0, event: e });
  }
  for (const m of state.messages.values()) {
    if (m.type === 'reaction') continue;
    list.push({ kind: 'message', at: Date.parse(m.created_at), order: 1, id: m.id, message: m });
  }
  return list.sort((a, b) => a.at - b.at || a.order - b.order || (a.id || 0) - (b.id || 0));
}

export function renderTimeline({ stick = null, keepFromBottom = false } = {}) {
  const stickToBottom = stick ?? nearBottom();
  const keepTop = chatScroll.scrollTop;
  const fromBottom = chatScroll.scrollHeight - chatScroll.scrollTop;
  const fragment = document.createDocumentFragment();
  let day = null;
  let previous = null;
  for (const entry of entries()) {
    const date = new Date(entry.at);
    const thisDay = startOfDay(date);
    if (thisDay !== day) {
      fragment.append(buildDay(date));
      day = thisDay;
      previous = null;
    }
    fragment.append(entry.kind === 'event' ? buildEvent(entry.event) : buildMessage(entry.message, previous));
    previous = entry;
  }
  state.lastEntry = previous;
  messagesEl.replaceChildren(fragment);
  // Older messages above: what the agent was reading stays where it was.
  if (keepFromBottom) chatScroll.scrollTop = chatScroll.scrollHeight - fromBottom;
  else if (stickToBottom) scrollToBottom();
  else chatScroll.scrollTop = keepTop;
}

/** Adds or updates one message of the open conversation. */
export function upsertMessage(m) {
  if (!state.open || m.conversation_id !== state.open.id) return;
  const known = state.messages.has(m.id);
  state.messages.set(m.id, m);
  if (m.type === 'reaction') return;
  const existing = messagesEl.querySelector(`[data-message-id="${m.id}"]`);
  if (known && existing) {
    paintMessage(existing, m);
    return;
  }
  const wasNearBottom = nearBottom();
  const at = Date.parse(m.created_at);
  if (state.lastEntry && at < state.lastEntry.at) {
    renderTimeline();
    return;
  }
  const date = new Date(at);
  if (!state.lastEntry || startOfDay(new Date(state.lastEntry.at)) !== startOfDay(date)) {
    messagesEl.append(buildDay(date));
    state.lastEntry = null;
  }
  const entry = { kind: 'message', at, order: 1, id: m.id, message: m };
  messagesEl.append(buildMessage(m, state.lastEntry));
  state.lastEntry = entry;
  if (wasNearBottom || (m.direction === 'out' && m.sender_id === me)) scrollToBottom();
  else jumpLatest.hidden = false;
}
