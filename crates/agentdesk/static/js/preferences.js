// Your preference › Profile: name counters, saving the names (with a warning before leaving
// unsaved changes), and switching the language, which the server applies to the whole UI at once.

import {
  api,
  clearFieldErrorOnInput,
  clearFieldErrors,
  setBusy,
  showFieldErrors,
  toast,
} from './api.js';

const NAME_FIELDS = ['first_name', 'last_name'];
/** A counter turns to a warning when this few characters are left. */
const NEAR_LIMIT = 5;

const form = document.getElementById('profile-form');
const saveButton = document.getElementById('profile-save');
const statusLine = document.getElementById('profile-status');
const language = document.getElementById('language');

/** Length as people count it: code points, so an emoji or a CJK character counts once. */
function length(text) {
  return [...text].length;
}

function input(name) {
  return document.getElementById(name);
}

function errorSlot(name) {
  return document.getElementById(`${name}-error`);
}

function updateCounter(name) {
  const counter = document.getElementById(`${name}-count`);
  const field = input(name);
  if (!counter || !field) return;
  const max = Number(counter.dataset.max) || 0;
  const used = length(field.value);
  counter.textContent = `${used} / ${max}`;
  counter.classList.toggle('is-near', max > 0 && used >= max - NEAR_LIMIT && used <= max);
  counter.classList.toggle('is-over', max > 0 && used > max);
}

/** The names as last saved, to know whether the form holds unsaved changes. */
let saved = currentNames();

function currentNames() {
  return Object.fromEntries(NAME_FIELDS.map((name) => [name, (input(name)?.value ?? '').trim()]));
}

function isDirty() {
  const now = currentNames();
  return NAME_FIELDS.some((name) => now[name] !== saved[name]);
}

function setStatus(text, success = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('is-success', success && Boolean(text));
}

/** Shows the saved names, and the initials and colour the server derived, everywhere on the page. */
function showNameEverywhere({ first_name: first, last_name: last, initials, avatar_color: colour }) {
  const fullName = `${first} ${last}`;
  for (const el of document.querySelectorAll('.me-button__name, .profile-head__name')) {
    el.textContent = fullName;
  }
  for (const avatar of document.querySelectorAll('.me-button .avatar, .profile-head .avatar')) {
    avatar.textContent = initials;
    for (const cls of [...avatar.classList]) {
      if (/^avatar--c\d$/.test(cls)) avatar.classList.remove(cls);
    }
    avatar.classList.add(`avatar--c${colour}`);
  }
}

if (form) {
  for (const name of NAME_FIELDS) {
    updateCounter(name);
    input(name)?.addEventListener('input', () => {
      updateCounter(name);
      if (statusLine.textContent) setStatus('');
    });
  }
  clearFieldErrorOnInput(form, errorSlot);

  window.addEventListener('beforeunload', (event) => {
    if (!isDirty()) return;
    event.preventDefault();
    // Browsers show their own text; setting one is still needed for some of them to ask at all.
    event.returnValue = form.dataset.msgUnsaved;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saveButton.disabled) return;
    clearFieldErrors(form);
    setStatus('');
    const body = currentNames();
    setBusy(saveButton, true, saveButton.dataset.msgSaving);
    const { ok, status, data } = await api('PATCH', '/api/v1/me', body);
    setBusy(saveButton, false);

    if (ok) {
      for (const name of NAME_FIELDS) {
        input(name).value = data[name];
        updateCounter(name);
      }
      saved = currentNames();
      showNameEverywhere(data);
      setStatus(form.dataset.msgSaved, true);
      return;
    }
    if (status === 422) {
      if (showFieldErrors(form, data, errorSlot) > 0) return;
    }
    toast(status === 0 ? form.dataset.msgNetwork : form.dataset.msgFailed, 'error');
  });
}

if (language) {
  let current = language.value;
  language.addEventListener('change', async () => {
    const chosen = language.value;
    language.disabled = true;
    const { ok, status } = await api('PATCH', '/api/v1/me', { locale: chosen });
    if (ok) {
      current = chosen;
      location.reload();
      return;
    }
    language.disabled = false;
    language.value = current;
    const network = status === 0 && form ? form.dataset.msgNetwork : '';
    toast(network || language.dataset.msgFailed, 'error');
    language.focus();
  });
}
