// Admin › Agents: adding an agent in a dialog, and deactivating or reactivating one. After a
// change the page reloads, so the table always shows what the server has.

import { api, errorMessage } from '../lib/api.js';
import { dialogForm } from '../lib/dialog-form.js';
import { $ } from '../lib/dom.js';
import { flashAfterReload, showFlash, toast } from '../lib/flash.js';
import { setBusy } from '../lib/forms.js';

showFlash();

const form = $('agent-add-form');
const network = form?.dataset.msgNetwork ?? '';

if ($('agent-add-dialog') && form) {
  const add = dialogForm({
    dialog: $('agent-add-dialog'),
    form,
    error: $('agent-add-error'),
    submit: form.querySelector('button[type="submit"]'),
    cancel: $('agent-add-cancel'),
    focus: 'first_name',
    fieldFor: { email_taken: 'email' },
  });
  $('agent-add-open')?.addEventListener('click', () => add.open());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await add.send('POST', '/api/v1/admin/agents', {
      email: add.value('email'),
      first_name: add.value('first_name'),
      last_name: add.value('last_name'),
      role: add.value('role'),
      password: add.value('password', true),
    });
    if (done) {
      flashAfterReload(form.dataset.msgCreated);
      location.reload();
    }
  });
}

for (const button of document.querySelectorAll('[data-action="deactivate"], [data-action="reactivate"]')) {
  button.addEventListener('click', async () => {
    const action = button.dataset.action;
    if (action === 'deactivate' && !window.confirm(button.dataset.confirm)) return;
    setBusy(button, true);
    const id = encodeURIComponent(button.dataset.id);
    const { ok, status, data } = await api('POST', `/api/v1/admin/agents/${id}/${action}`);
    if (ok) {
      location.reload();
      return;
    }
    setBusy(button, false);
    toast(status === 0 ? network : errorMessage(data, network), 'error');
  });
}

// The company's policy: require two-factor authentication for everyone.
const policy = $('policy-2fa');
if (policy) {
  policy.addEventListener('change', async () => {
    const wanted = policy.checked;
    policy.disabled = true;
    const { ok, status, data } = await api('PUT', '/api/v1/admin/security', { require_two_factor: wanted });
    policy.disabled = false;
    if (ok) {
      toast(wanted ? policy.dataset.msgOn : policy.dataset.msgOff, 'success');
      return;
    }
    policy.checked = !wanted;
    toast(status === 0 ? policy.dataset.msgFailed : errorMessage(data, policy.dataset.msgFailed), 'error');
  });
}
