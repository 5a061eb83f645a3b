// Your preference › Security: the two-factor switch and its method (each change confirmed with a
// code sent where SECURITY.md says), the phone number (a code to the old number, then one to the
// new), and the recent security events. Every sentence comes from the page; user data is only
// written with textContent.

import { api, clearFieldErrors, errorMessage, setBusy, showFieldErrors, toast } from './api.js';
import { countdown, fill, keepDigits } from './otp.js';

const $ = (id) => document.getElementById(id);
const root = $('security');
const lang = document.documentElement.lang || 'en';
const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

const state = { method: root.dataset.method || '', phone: root.dataset.phone || '' };

function failure(status, data) {
  return status === 0 ? root.dataset.msgNetwork : errorMessage(data, root.dataset.msgFailed);
}

// ---------------------------------------------------------------------------------------------
// The code dialog

const dialog = $('otp-dialog');
const otpForm = $('otp-form');
const otpCode = $('otp-code');
const otpError = $('otp-error');
const otpResend = $('otp-resend');
const otpConfirm = $('otp-confirm');
keepDigits(otpCode);

/**
 * Asks for the code of `challenge`. `submit(code)` calls the API and resolves like `api()`;
 * `again()` (optional) asks the server for a new code and resolves to the new challenge or null.
 * Resolves to the successful response's data, or null when the user cancels.
 */
function askCode({ text, challenge, submit, again }) {
  let current = challenge;
  let stop = () => {};
  const restart = () => {
    stop();
    stop = countdown(otpResend, current.resend_after, {
      ready: otpForm.dataset.msgResend,
      waiting: otpForm.dataset.msgResendIn,
    });
  };
  const show = () => {
    $('otp-text').textContent = fill(text, { destination: current.destination_hint });
    otpError.textContent = '';
    otpCode.value = '';
    otpCode.removeAttribute('aria-invalid');
  };
  show();
  otpResend.hidden = !again;
  if (again) restart();
  dialog.showModal();
  otpCode.focus();

  return new Promise((resolve) => {
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      stop();
      otpForm.removeEventListener('submit', onSubmit);
      otpResend.removeEventListener('click', onResend);
      $('otp-cancel').removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = async (event) => {
      event.preventDefault();
      const code = otpCode.value.trim();
      if (code.length !== 6) {
        otpCode.setAttribute('aria-invalid', 'true');
        otpCode.focus();
        return;
      }
      setBusy(otpConfirm, true);
      const { ok, status, data } = await submit(code, current);
      setBusy(otpConfirm, false);
      if (ok) {
        finish(data);
        return;
      }
      otpCode.setAttribute('aria-invalid', 'true');
      otpError.textContent = failure(status, data);
      otpCode.select();
      otpCode.focus();
    };
    const onResend = async () => {
      otpResend.disabled = true;
      const next = await again();
      if (next) {
        current = next;
        show();
        restart();
      } else {
        otpResend.disabled = false;
      }
      otpCode.focus();
    };
    const onCancel = (event) => {
      event.preventDefault();
      finish(null);
    };
    otpForm.addEventListener('submit', onSubmit);
    otpResend.addEventListener('click', onResend);
    $('otp-cancel').addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
  });
}

// ---------------------------------------------------------------------------------------------
// Two-factor authentication

const tfaSwitch = $('tfa-switch');
const methods = () => [...document.querySelectorAll('input[name="tfa-method"]')];
const chosenMethod = () => methods().find((r) => r.checked)?.value || 'email';

function showTwoFactor() {
  tfaSwitch.checked = Boolean(state.method);
  $('tfa-state').textContent = state.method ? root.dataset.msgOn : root.dataset.msgOff;
  for (const radio of methods()) {
    if (state.method) radio.checked = radio.value === state.method;
    if (radio.value === 'sms') radio.disabled = !state.phone;
  }
  if (state.phone) $('tfa-sms-hint').textContent = state.phone;
}

/** Runs one 2FA change: a code to where SECURITY.md says, then the change itself. */
async function changeTwoFactor(action, method) {
  const request = () => api('POST', '/api/v1/me/two-factor/challenge', { action, method });
  const first = await request();
  if (!first.ok) {
    toast(failure(first.status, first.data), 'error');
    return false;
  }
  const enabled = action !== 'disable';
  const done = await askCode({
    text: otpForm.dataset.msgSent,
    challenge: first.data,
    submit: (code, challenge) =>
      api('PUT', '/api/v1/me/two-factor', { enabled, method, challenge_id: challenge.id, code }),
    again: async () => {
      const next = await request();
      if (!next.ok) toast(failure(next.status, next.data), 'error');
      return next.ok ? next.data : null;
    },
  });
  if (!done) return false;
  state.method = done.two_factor.enabled ? done.two_factor.method : '';
  const messages = { enable: root.dataset.msgEnabled, disable: root.dataset.msgDisabled, switch: root.dataset.msgSwitched };
  toast(messages[action], 'success');
  if (root.dataset.setup === 'true' && state.method) {
    // Set up as the company requires: the rest of the product opens now.
    location.assign('/inbox');
    return true;
  }
  loadEvents();
  return true;
}

tfaSwitch.addEventListener('change', async () => {
  const wanted = tfaSwitch.checked;
  tfaSwitch.disabled = true;
  const ok = wanted
    ? await changeTwoFactor('enable', chosenMethod())
    : await changeTwoFactor('disable', state.method || chosenMethod());
  tfaSwitch.disabled = false;
  if (!ok) tfaSwitch.checked = !wanted;
  showTwoFactor();
});

for (const radio of methods()) {
  radio.addEventListener('change', async () => {
    // Off: the choice only says where codes will go once it is turned on.
    if (!state.method || radio.value === state.method) return;
    await changeTwoFactor('switch', radio.value);
    showTwoFactor();
  });
}

// ---------------------------------------------------------------------------------------------
// Phone number

const phoneForm = $('phone-form');
const country = $('phone-country');

/** The picker's names in the page's language, sorted as people of that language sort. */
function localizeCountries() {
  let names = null;
  try {
    names = new Intl.DisplayNames([lang], { type: 'region' });
  } catch {
    names = null;
  }
  const options = [...country.options].map((o) => {
    const name = names ? names.of(o.value) : o.value;
    o.textContent = `${name} (+${o.dataset.code})`;
    return o;
  });
  const collator = new Intl.Collator(lang);
  options.sort((a, b) => collator.compare(a.textContent, b.textContent));
  country.replaceChildren(...options);
  const region = country.dataset.current || (navigator.language.split('-')[1] || '').toUpperCase();
  if (region && options.some((o) => o.value === region)) country.value = region;
}

function showPhone() {
  const current = $('phone-current');
  if (state.phone) {
    const strong = document.createElement('strong');
    strong.dir = 'ltr';
    strong.textContent = state.phone;
    current.replaceChildren(strong);
  }
  $('phone-remove').hidden = !state.phone;
  $('phone-save').textContent = state.phone ? root.dataset.msgChange : root.dataset.msgAdd;
}

phoneForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors(phoneForm);
  const save = $('phone-save');
  const body = { country: country.value, number: $('phone-number').value };
  setBusy(save, true);
  const start = () => api('POST', '/api/v1/me/phone', body);
  const first = await start();
  setBusy(save, false);
  if (!first.ok) {
    if (first.status === 422 && showFieldErrors(phoneForm, first.data, (name) => $(`${name}-error`)) > 0) return;
    toast(failure(first.status, first.data), 'error');
    return;
  }
  let step = first.data;
  const verify = (code, challenge) => api('POST', '/api/v1/me/phone/verify', { challenge_id: challenge.id, code });
  if (step.step === 'verify_old') {
    step = await askCode({
      text: otpForm.dataset.msgOldPhone,
      challenge: step.challenge,
      submit: verify,
      again: async () => {
        const next = await start();
        return next.ok ? next.data.challenge : null;
      },
    });
    if (!step) return;
  }
  const firstStep = first.data.step === 'verify_new';
  const done = await askCode({
    text: otpForm.dataset.msgNewPhone,
    challenge: step.challenge,
    submit: verify,
    // Before any code was verified, a new code simply restarts the change.
    again: firstStep
      ? async () => {
          const next = await start();
          return next.ok ? next.data.challenge : null;
        }
      : null,
  });
  if (!done) return;
  state.phone = done.profile.phone;
  $('phone-number').value = '';
  showPhone();
  showTwoFactor();
  toast(root.dataset.msgPhoneChanged, 'success');
  loadEvents();
});

const removeDialog = $('phone-remove-dialog');
$('phone-remove').addEventListener('click', () => removeDialog.showModal());
$('phone-remove-cancel').addEventListener('click', () => removeDialog.close());
$('phone-remove-confirm').addEventListener('click', async () => {
  const button = $('phone-remove-confirm');
  setBusy(button, true);
  const { ok, status, data } = await api('DELETE', '/api/v1/me/phone');
  setBusy(button, false);
  removeDialog.close();
  if (!ok) {
    toast(failure(status, data), 'error');
    return;
  }
  state.phone = '';
  location.reload();
});

// ---------------------------------------------------------------------------------------------
// Recent security events

async function loadEvents() {
  const list = $('security-events');
  const { ok, data } = await api('GET', '/api/v1/me/security-events');
  if (!ok || !Array.isArray(data)) return;
  if (data.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'events__empty';
    empty.textContent = list.dataset.empty;
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(
    ...data.slice(0, 15).map((event) => {
      const item = document.createElement('li');
      item.className = `events__item events__item--${event.kind.replace(/[^a-z_]/g, '')}`;
      const label = document.createElement('span');
      label.className = 'events__label';
      label.textContent = list.getAttribute(`data-kind-${event.kind}`) || event.kind;
      const meta = document.createElement('span');
      meta.className = 'events__meta';
      const time = document.createElement('time');
      time.dateTime = event.at;
      time.textContent = when.format(new Date(event.at));
      meta.append(time);
      if (event.ip) meta.append(` · ${event.ip}`);
      item.append(label, meta);
      return item;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Active sessions

/** A short device name from a user agent: browser and system, nothing more. */
function device(userAgent) {
  if (!userAgent) return '';
  const browserName = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Safari/', 'Safari']]
    .find(([token]) => userAgent.includes(token))?.[1];
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'], ['Mac OS X', 'macOS'], ['Linux', 'Linux']]
    .find(([token]) => userAgent.includes(token))?.[1];
  return [browserName, system].filter(Boolean).join(' · ');
}

async function loadSessions() {
  const card = $('sessions-card');
  const list = $('sessions-list');
  const { ok, data } = await api('GET', '/api/v1/me/sessions');
  if (!ok || !Array.isArray(data)) return;
  list.replaceChildren(
    ...data.map((session) => {
      const item = document.createElement('li');
      item.className = 'events__item';
      const label = document.createElement('span');
      label.className = 'events__label';
      label.textContent = device(session.user_agent) || card.dataset.msgUnknown;
      if (session.current) {
        const badge = document.createElement('span');
        badge.className = 'badge badge--brand';
        badge.textContent = card.dataset.msgThis;
        label.append(' ', badge);
      }
      const meta = document.createElement('span');
      meta.className = 'events__meta';
      const time = document.createElement('time');
      time.dateTime = session.last_active_at;
      time.textContent = when.format(new Date(session.last_active_at));
      meta.append(time);
      if (session.ip) meta.append(` · ${session.ip}`);
      item.append(label, meta);
      return item;
    }),
  );
  $('sessions-sign-out').disabled = data.every((s) => s.current);
}

$('sessions-sign-out').addEventListener('click', async () => {
  const button = $('sessions-sign-out');
  setBusy(button, true);
  const { ok, status, data } = await api('DELETE', '/api/v1/me/sessions');
  setBusy(button, false);
  if (!ok) {
    toast(failure(status, data), 'error');
    return;
  }
  toast(fill($('sessions-card').dataset.msgDone, { count: data.ended }), 'success');
  loadSessions();
  loadEvents();
});

localizeCountries();
loadSessions();
showTwoFactor();
loadEvents();
