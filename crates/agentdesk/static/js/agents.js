// Admin › Agents: adding an agent in a dialog, and deactivating or reactivating one. After a
// change the page reloads, so the table always shows what the server has.

import {
  api,
  clearFieldErrorOnInput,
  clearFieldErrors,
  errorMessage,
  setBusy,
  showFieldErrors,
  toast,
} from './api.js';

/** A message to show once after the reload that follows a change. */
const FLASH_KEY = 'agentdesk.flash';

const dialog = document.getElementById('agent-add-dialog');
const openButton = document.getElementById('agent-add-open');
const cancelButton = document.getElementById('agent-add-cancel');
const form = document.getElementById('agent-add-form');
const formError = document.getElementById('agent-add-error');

function flashAfterReload(message) {
  if (!message) return;
  try {
    sessionStorage.setItem(FLASH_KEY, message);
  } catch {
    // Storage may be unavailable (private mode); the message is a courtesy.
  }
}

function showFlash() {
  let message = null;
  try {
    message = sessionStorage.getItem(FLASH_KEY);
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    return;
  }
  if (message) toast(message, 'success');
}

function errorSlot(name) {
  return form.querySelector(`.field__error[data-for="${CSS.escape(name)}"]`);
}

function showFormError(message) {
  formError.textContent = message;
  formError.hidden = !message;
}

function resetForm() {
  form.reset();
  clearFieldErrors(form);
  showFormError('');
}

showFlash();

if (dialog && form) {
  openButton?.addEventListener('click', () => {
    resetForm();
    dialog.showModal();
    form.elements.namedItem('first_name')?.focus();
  });

  cancelButton?.addEventListener('click', () => dialog.close());

  // A click on the backdrop (the dialog box itself, outside the form) closes it; a press that
  // started inside the form and ended outside (selecting text) does not.
  let pressedOnBackdrop = false;
  dialog.addEventListener('pointerdown', (event) => {
    pressedOnBackdrop = event.target === dialog;
  });
  dialog.addEventListener('click', (event) => {
    if (pressedOnBackdrop && event.target === dialog) dialog.close();
    pressedOnBackdrop = false;
  });

  // The browser returns the focus to the "Add agent" button by itself.
  dialog.addEventListener('close', resetForm);

  clearFieldErrorOnInput(form, errorSlot);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    if (submit?.disabled) return;
    const value = (name) => String(form.elements.namedItem(name)?.value ?? '');
    const body = {
      email: value('email').trim(),
      first_name: value('first_name').trim(),
      last_name: value('last_name').trim(),
      role: value('role'),
      password: value('password'),
    };

    clearFieldErrors(form);
    showFormError('');
    setBusy(submit, true);
    const { status, data } = await api('POST', '/api/v1/admin/agents', body);

    if (status === 201) {
      flashAfterReload(form.dataset.msgCreated);
      location.reload();
      return;
    }
    setBusy(submit, false);
    if (status === 0) {
      showFormError(form.dataset.msgNetwork);
      return;
    }
    showFormError(errorMessage(data, form.dataset.msgNetwork));
    const shown = showFieldErrors(form, data, errorSlot);
    if (shown === 0 && data?.error?.code === 'email_taken') {
      const email = form.elements.namedItem('email');
      email.setAttribute('aria-invalid', 'true');
      email.focus();
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
    const network = form?.dataset.msgNetwork ?? '';
    toast(status === 0 ? network : errorMessage(data, network), 'error');
  });
}

// The company's policy: require two-factor authentication for everyone.
const policy = document.getElementById('policy-2fa');
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
