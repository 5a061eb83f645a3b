// Admin › WhatsApp numbers: connecting a number in a dialog (its field problems shown in place),
// and dates shown in the reader's language. After a change the page reloads, so the table always
// shows what the server has.

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

const dialog = document.getElementById('number-add-dialog');
const openButton = document.getElementById('number-add-open');
const cancelButton = document.getElementById('number-add-cancel');
const form = document.getElementById('number-add-form');
const formError = document.getElementById('number-add-error');

const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' });
for (const time of document.querySelectorAll('time[datetime]')) {
  const date = new Date(time.dateTime);
  if (!Number.isNaN(date.getTime())) time.textContent = dateFormat.format(date);
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

function flashAfterReload(message) {
  try {
    sessionStorage.setItem(FLASH_KEY, message);
  } catch {
    // Storage may be unavailable; the message is a courtesy.
  }
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
    form.elements.namedItem('name')?.focus();
  });

  cancelButton?.addEventListener('click', () => dialog.close());

  let pressedOnBackdrop = false;
  dialog.addEventListener('pointerdown', (event) => {
    pressedOnBackdrop = event.target === dialog;
  });
  dialog.addEventListener('click', (event) => {
    if (pressedOnBackdrop && event.target === dialog) dialog.close();
    pressedOnBackdrop = false;
  });

  // The token must not linger in the page once the dialog is gone.
  dialog.addEventListener('close', resetForm);

  clearFieldErrorOnInput(form, errorSlot);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = document.getElementById('number-add-submit');
    if (submit.disabled) return;
    const value = (name) => String(form.elements.namedItem(name)?.value ?? '');
    const body = {
      name: value('name').trim(),
      display_phone_number: value('display_phone_number').trim(),
      phone_number_id: value('phone_number_id').replace(/\s+/g, ''),
      access_token: value('access_token').trim(),
      assignment: value('assignment'),
    };

    clearFieldErrors(form);
    showFormError('');
    setBusy(submit, true);
    const { status, data } = await api('POST', '/api/v1/admin/whatsapp-numbers', body);

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
    if (data?.error?.code === 'number_taken') {
      // The conflict is about one field: say it there.
      const input = form.elements.namedItem('phone_number_id');
      errorSlot('phone_number_id').textContent = errorMessage(data, form.dataset.msgNetwork);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const shown = showFieldErrors(form, data, errorSlot);
    showFormError(errorMessage(data, form.dataset.msgNetwork));
    // The first problem in reading order gets the focus, whatever order the server listed them in.
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
    else if (shown === 0) formError.scrollIntoView({ block: 'nearest' });
  });
}

// ---------------------------------------------------------------------------------------------
// Changing, disconnecting and connecting again

const editDialog = document.getElementById('number-edit-dialog');
const editForm = document.getElementById('number-edit-form');
const editError = document.getElementById('number-edit-error');
const disconnectDialog = document.getElementById('number-disconnect-dialog');
let editing = null;

function editSlot(name) {
  return editForm.querySelector(`.field__error[data-for="${CSS.escape(name)}"]`);
}

function showEditError(message) {
  editError.textContent = message;
  editError.hidden = !message;
}

function openEdit(row) {
  editing = row;
  editForm.reset();
  clearFieldErrors(editForm);
  showEditError('');
  document.getElementById('number-edit-intro').textContent = `${row.dataset.display} · ${row.dataset.pnid}`;
  editForm.elements.namedItem('name').value = row.dataset.name;
  for (const radio of editForm.querySelectorAll('input[name="assignment"]')) {
    radio.checked = radio.value === row.dataset.assignment;
  }
  editDialog.showModal();
  editForm.elements.namedItem('name').focus();
}

function openDisconnect(row, button) {
  editing = row;
  document.getElementById('number-disconnect-body').textContent = button.dataset.confirm;
  const error = document.getElementById('number-disconnect-error');
  error.hidden = true;
  disconnectDialog.showModal();
}

function openReconnect(row) {
  resetForm();
  form.elements.namedItem('name').value = row.dataset.name;
  form.elements.namedItem('display_phone_number').value = row.dataset.display;
  form.elements.namedItem('phone_number_id').value = row.dataset.pnid;
  for (const radio of form.querySelectorAll('input[name="assignment"]')) {
    radio.checked = radio.value === row.dataset.assignment;
  }
  dialog.showModal();
  form.elements.namedItem('access_token').focus();
}

document.getElementById('numbers-table')?.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  const row = button?.closest('tr[data-number-id]');
  if (!button || !row) return;
  if (button.dataset.action === 'edit') openEdit(row);
  else if (button.dataset.action === 'disconnect') openDisconnect(row, button);
  else if (button.dataset.action === 'reconnect') openReconnect(row);
});

if (editDialog && editForm) {
  document.getElementById('number-edit-cancel').addEventListener('click', () => editDialog.close());
  // The token must not linger in the page once the dialog is gone.
  editDialog.addEventListener('close', () => editForm.reset());
  clearFieldErrorOnInput(editForm, editSlot);
  editForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = document.getElementById('number-edit-submit');
    if (submit.disabled || !editing) return;
    const name = String(editForm.elements.namedItem('name').value).trim();
    const token = String(editForm.elements.namedItem('access_token').value).trim();
    const assignment = editForm.querySelector('input[name="assignment"]:checked')?.value;
    // Only what changed is sent; an empty token field keeps the current token.
    const body = {};
    if (name !== editing.dataset.name) body.name = name;
    if (assignment && assignment !== editing.dataset.assignment) body.assignment = assignment;
    if (token) body.access_token = token;
    if (Object.keys(body).length === 0) {
      editDialog.close();
      return;
    }
    clearFieldErrors(editForm);
    showEditError('');
    setBusy(submit, true);
    const { ok, status, data } = await api('PATCH', `/api/v1/admin/whatsapp-numbers/${editing.dataset.numberId}`, body);
    if (ok) {
      flashAfterReload(editForm.dataset.msgSaved);
      location.reload();
      return;
    }
    setBusy(submit, false);
    if (status === 0) {
      showEditError(editForm.dataset.msgNetwork);
      return;
    }
    showFieldErrors(editForm, data, editSlot);
    showEditError(errorMessage(data, editForm.dataset.msgNetwork));
    editForm.querySelector('[aria-invalid="true"]')?.focus();
  });
}

if (disconnectDialog) {
  document.getElementById('number-disconnect-cancel').addEventListener('click', () => disconnectDialog.close());
  document.getElementById('number-disconnect-confirm').addEventListener('click', async () => {
    const confirm = document.getElementById('number-disconnect-confirm');
    if (confirm.disabled || !editing) return;
    setBusy(confirm, true);
    const { ok, status, data } = await api('DELETE', `/api/v1/admin/whatsapp-numbers/${editing.dataset.numberId}`);
    if (ok) {
      flashAfterReload(disconnectDialog.querySelector('form').dataset.msgDone);
      location.reload();
      return;
    }
    setBusy(confirm, false);
    const error = document.getElementById('number-disconnect-error');
    error.textContent = status === 0 ? form.dataset.msgNetwork : errorMessage(data, form.dataset.msgNetwork);
    error.hidden = false;
  });
}
