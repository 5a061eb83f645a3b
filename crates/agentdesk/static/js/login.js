// The sign-in page: sends email and password to the API, shows what went wrong in the user's
// language, and switches the page language before signing in (a cookie the server reads).

import { api, errorMessage, setBusy } from './api.js';

const form = document.getElementById('login-form');
const errorBox = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
const language = document.getElementById('login-language');

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function hideError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (submit.disabled) return;
  const email = form.elements.namedItem('email');
  const password = form.elements.namedItem('password');
  const values = { email: email.value.trim(), password: password.value };

  email.removeAttribute('aria-invalid');
  password.removeAttribute('aria-invalid');
  if (!values.email || !values.password) {
    const empty = values.email ? password : email;
    for (const control of [email, password]) {
      if (!control.value.trim()) control.setAttribute('aria-invalid', 'true');
    }
    showError(form.dataset.msgRequired);
    empty.focus();
    return;
  }

  hideError();
  setBusy(submit, true, submit.dataset.msgSubmitting);
  const { ok, status, data } = await api('POST', '/api/v1/auth/login', values);
  if (ok && data && data.status === 'authenticated') {
    // Stay busy: the next page is on its way.
    location.assign('/inbox');
    return;
  }
  setBusy(submit, false);
  showError(status === 0 ? form.dataset.msgNetwork : errorMessage(data, form.dataset.msgNetwork));
  if (status === 401) {
    password.select();
    password.focus();
  }
});

form.addEventListener('input', () => {
  if (!errorBox.hidden) hideError();
});

language.addEventListener('change', () => {
  const value = encodeURIComponent(language.value);
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `agentdesk_lang=${value}; Path=/; SameSite=Lax; Max-Age=31536000${secure}`;
  location.reload();
});
