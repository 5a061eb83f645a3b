// Admin › WhatsApp numbers: connecting a number in a dialog (its field problems shown in place),
// changing, disconnecting and connecting one again, and dates shown in the reader's language.
// After a change the page reloads, so the table always shows what the server has.

import { api, errorMessage } from '../lib/api.js';
import { dialogForm } from '../lib/dialog-form.js';
import { $ } from '../lib/dom.js';
import { flashAfterReload, showFlash } from '../lib/flash.js';
import { setBusy } from '../lib/forms.js';

const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' });
for (const time of document.querySelectorAll('time[datetime]')) {
  const date = new Date(time.dateTime);
  if (!Number.isNaN(date.getTime())) time.textContent = dateFormat.format(date);
}

showFlash();

const addForm = $('number-add-form');
const editForm = $('number-edit-form');
const disconnectDialog = $('number-disconnect-dialog');
const network = addForm?.dataset.msgNetwork ?? '';
/** The table row of the number being changed. */
let editing = null;

function checkAssignment(form, value) {
  for (const radio of form.querySelectorAll('input[name="assignment"]')) radio.checked = radio.value === value;
}

const add =
  $('number-add-dialog') && addForm
    ? dialogForm({
        dialog: $('number-add-dialog'),
        form: addForm,
        error: $('number-add-error'),
        submit: $('number-add-submit'),
        cancel: $('number-add-cancel'),
        focus: 'name',
        fieldFor: { number_taken: 'phone_number_id' },
      })
    : null;

if (add) {
  $('number-add-open')?.addEventListener('click', () => add.open());
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await add.send('POST', '/api/v1/admin/whatsapp-numbers', {
      name: add.value('name'),
      display_phone_number: add.value('display_phone_number'),
      phone_number_id: add.value('phone_number_id').replace(/\s+/g, ''),
      access_token: add.value('access_token'),
      assignment: add.value('assignment'),
    });
    if (done) {
      flashAfterReload(addForm.dataset.msgCreated);
      location.reload();
    }
  });
}

const edit =
  $('number-edit-dialog') && editForm
    ? dialogForm({
        dialog: $('number-edit-dialog'),
        form: editForm,
        error: $('number-edit-error'),
        submit: $('number-edit-submit'),
        cancel: $('number-edit-cancel'),
        focus: 'name',
      })
    : null;

if (edit) {
  editForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!editing) return;
    const name = edit.value('name');
    const token = edit.value('access_token');
    const assignment = editForm.querySelector('input[name="assignment"]:checked')?.value;
    // Only what changed is sent; an empty token field keeps the current token.
    const body = {};
    if (name !== editing.dataset.name) body.name = name;
    if (assignment && assignment !== editing.dataset.assignment) body.assignment = assignment;
    if (token) body.access_token = token;
    if (Object.keys(body).length === 0) {
      edit.close();
      return;
    }
    const done = await edit.send('PATCH', `/api/v1/admin/whatsapp-numbers/${editing.dataset.numberId}`, body);
    if (done) {
      flashAfterReload(editForm.dataset.msgSaved);
      location.reload();
    }
  });
}

$('numbers-table')?.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  const row = button?.closest('tr[data-number-id]');
  if (!button || !row) return;
  editing = row;
  if (button.dataset.action === 'edit' && edit) {
    edit.open((form) => {
      $('number-edit-intro').textContent = `${row.dataset.display} · ${row.dataset.pnid}`;
      form.elements.namedItem('name').value = row.dataset.name;
      checkAssignment(form, row.dataset.assignment);
    });
  } else if (button.dataset.action === 'disconnect' && disconnectDialog) {
    $('number-disconnect-body').textContent = button.dataset.confirm;
    $('number-disconnect-error').hidden = true;
    disconnectDialog.showModal();
  } else if (button.dataset.action === 'reconnect' && add) {
    // Connecting the same id again: everything but the token is filled in.
    add.open((form) => {
      form.elements.namedItem('name').value = row.dataset.name;
      form.elements.namedItem('display_phone_number').value = row.dataset.display;
      form.elements.namedItem('phone_number_id').value = row.dataset.pnid;
      checkAssignment(form, row.dataset.assignment);
    });
    addForm.elements.namedItem('access_token').focus();
  }
});

if (disconnectDialog) {
  $('number-disconnect-cancel').addEventListener('click', () => disconnectDialog.close());
  $('number-disconnect-confirm').addEventListener('click', async () => {
    const confirm = $('number-disconnect-confirm');
    if (confirm.disabled || !editing) return;
    setBusy(confirm, true);
    const { ok, status, data } = await api('DELETE', `/api/v1/admin/whatsapp-numbers/${editing.dataset.numberId}`);
    if (ok) {
      flashAfterReload(disconnectDialog.querySelector('form').dataset.msgDone);
      location.reload();
      return;
    }
    setBusy(confirm, false);
    const error = $('number-disconnect-error');
    error.textContent = status === 0 ? network : errorMessage(data, network);
    error.hidden = false;
  });
}
