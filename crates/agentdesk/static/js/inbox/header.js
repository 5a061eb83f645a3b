// The open conversation's header and details (contact, number, assignee, status, actions) and its
// 24-hour reply window, which also decides whether the composer may send.

import { $, el } from '../lib/dom.js';
import { fill } from '../lib/strings.js';
import { clearAttachment } from './attachments.js';
import { clearReply } from './composer.js';
import {
  assignMe, chat, closeButton, closedNotice, composerAttach, composerSend, composerText,
  reopenButton, unassignButton, windowClosed, windowClosedBody, windowOpenBar, windowOpenText,
} from './elements.js';
import {
  contactName, fmtDateTime, paintAgentAvatar, paintContactAvatar, phoneText, showNumber, t,
  untilText,
} from './format.js';
import { agentName, me, state, windowIsOpen } from './state.js';

function setComposerEnabled(enabled, reason) {
  composerText.disabled = !enabled;
  composerSend.disabled = !enabled || state.sending;
  composerAttach.disabled = !enabled || state.sending;
  composerText.placeholder = !enabled ? reason : state.file ? t('composer-caption') : t('composer-placeholder');
  chat.classList.toggle('is-readonly', !enabled);
  if (!enabled) {
    clearReply();
    if (!state.sending) clearAttachment();
  }
}

export function paintWindow() {
  const c = state.open;
  if (!c) return;
  const open = windowIsOpen(c);
  const conversationOpen = c.status === 'open';
  // A closed conversation says so first; the window matters again once it is reopened.
  windowClosed.hidden = open || !conversationOpen;
  windowClosedBody.textContent = c.window_closes_at ? t('window-closed-body') : t('window-never-body');
  windowOpenBar.hidden = !open || !conversationOpen;
  if (open) {
    const closes = Date.parse(c.window_closes_at);
    windowOpenText.textContent = fill(t('window-open'), { when: untilText(closes) });
    windowOpenBar.title = fmtDateTime.format(new Date(closes));
    windowOpenBar.classList.toggle('is-ending', closes - Date.now() < 60 * 60 * 1000);
  }
  const disconnected = Boolean(c.number && c.number.disconnected);
  closedNotice.hidden = conversationOpen;
  $('number-disconnected-notice').hidden = !disconnected || !conversationOpen;
  if (disconnected) {
    windowClosed.hidden = true;
    windowOpenBar.hidden = true;
  }
  if (!conversationOpen) setComposerEnabled(false, t('composer-disabled-closed'));
  else if (disconnected) setComposerEnabled(false, t('composer-disabled-disconnected'));
  else if (!open) setComposerEnabled(false, t('composer-disabled-window'));
  else setComposerEnabled(true);
  // The reply window only means something while the conversation is open.
  const detailsWindow = $('details-window');
  detailsWindow.textContent = !conversationOpen
    ? t('window-conversation-closed')
    : open
      ? fill(t('window-open-short'), { when: untilText(Date.parse(c.window_closes_at)) })
      : t('window-closed-short');
  detailsWindow.classList.toggle('is-warning', conversationOpen && !open);
}

export function paintHeader() {
  const c = state.open;
  if (!c) return;
  chat.dataset.conversationId = String(c.id);
  chat.dataset.status = c.status;
  const name = contactName(c);
  $('chat-contact-name').textContent = name;
  $('chat-contact-phone').textContent = phoneText(c.contact.phone) || t('no-phone');
  const number = state.numbers.get(c.number.id);
  showNumber($('chat-number'), number, c, ' · ', '');
  paintContactAvatar($('chat-contact-avatar'), c);

  const stateBadge = $('chat-state');
  stateBadge.textContent = c.status === 'closed' ? t('status-closed') : '';
  stateBadge.hidden = c.status !== 'closed';

  const assigneeAgent = c.assignee_id !== null ? state.agents.get(c.assignee_id) || { initials: '?', avatar_color: 0 } : null;
  paintAgentAvatar($('chat-assignee-avatar'), assigneeAgent);
  const assigneeName = c.assignee_id === null ? t('unassigned') : c.assignee_id === me ? `${agentName(me)} (${t('you')})` : agentName(c.assignee_id);
  $('chat-assignee-name').textContent = assigneeName;
  $('chat-assignee').classList.toggle('is-unassigned', c.assignee_id === null);

  assignMe.hidden = c.assignee_id === me;
  unassignButton.hidden = c.assignee_id === null;
  closeButton.hidden = c.status !== 'open';
  reopenButton.hidden = c.status !== 'closed';

  // Details pane.
  paintContactAvatar($('details-avatar'), c);
  $('details-name').textContent = name;
  $('details-phone').textContent = phoneText(c.contact.phone) || t('no-phone');
  $('details-customer-id').textContent = c.contact.customer_id;
  showNumber($('details-number'), number, c, ' (', ')');
  const statusBadge = el('span', `badge badge--${c.status}`, t(`status-${c.status}`));
  $('details-status').replaceChildren(statusBadge);
  $('details-assignee').textContent = assigneeName;
  $('details-started').textContent = fmtDateTime.format(new Date(c.created_at));
  $('details-initiated').textContent = t(c.initiated_by === 'business' ? 'initiated-business' : 'initiated-customer');

  paintWindow();
}
