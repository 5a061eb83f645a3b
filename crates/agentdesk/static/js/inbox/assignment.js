// Assigning the open conversation to oneself, unassigning it, closing and reopening it.

import { api, errorMessage } from '../lib/api.js';
import { toast } from '../lib/flash.js';
import { scheduleDetail } from './conversation.js';
import { assignMe, closeButton, reopenButton, unassignButton } from './elements.js';
import { t } from './format.js';
import { paintHeader } from './header.js';
import { updateListWith } from './list.js';
import { me, state } from './state.js';
import { scheduleCounts } from './views.js';

export async function changeConversation(button, path, body, doneText) {
  if (!state.open) return;
  const id = state.open.id;
  button.disabled = true;
  button.classList.add('is-busy');
  const { ok, status, data } = await api('PUT', `/api/v1/conversations/${id}/${path}`, body);
  button.disabled = false;
  button.classList.remove('is-busy');
  if (!ok) {
    toast(status === 0 ? t('network') : errorMessage(data, t('network')), 'error');
    return false;
  }
  if (data && state.openId === id) {
    state.open = data;
    paintHeader();
  }
  if (data) updateListWith(data);
  scheduleDetail();
  scheduleCounts();
  if (doneText) toast(doneText, 'success');
  return true;
}

assignMe.addEventListener('click', () => changeConversation(assignMe, 'assignee', { user_id: me }, t('assigned-me')));
unassignButton.addEventListener('click', () => changeConversation(unassignButton, 'assignee', { user_id: null }, t('unassigned-done')));
closeButton.addEventListener('click', async () => {
  if (await changeConversation(closeButton, 'status', { status: 'closed' }, t('closed-done'))) reopenButton.focus();
});
reopenButton.addEventListener('click', async () => {
  if (await changeConversation(reopenButton, 'status', { status: 'open' }, t('reopened-done'))) closeButton.focus();
});
