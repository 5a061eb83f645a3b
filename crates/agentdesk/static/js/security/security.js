// Your preference › Security: the two-factor switch and its method (each change confirmed with a
// code sent where docs/security.md says, or for an authenticator app with the app's first code after
// scanning a QR code drawn by the server), the recovery codes (shown once, in a dialog that can
// copy and download them), the phone number (a code to the old number, then one to the new), and
// the recent security events. Every sentence comes from the page; user data is only written with
// textContent.

import { api, errorMessage } from '../lib/api.js';
import { $ } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { clearFieldErrors, setBusy, showFieldErrors } from '../lib/forms.js';
import { countdown, keepDigits } from '../lib/otp.js';
import { fill } from '../lib/strings.js';

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

/** A new code for a live challenge (same cooldown and limits the server enforces everywhere). */
async function sendAgain(challenge) {
  const next = await api('POST', '/api/v1/me/otp/resend', { challenge_id: challenge.id });
  if (!next.ok) toast(failure(next.status, next.data), 'error');
  return next.ok ? next.data : null;
}

/** Copies `text`, then says so on `button` for a moment. Hidden where the clipboard is not offered. */
function copyButton(button, text) {
  if (!navigator.clipboard) {
    button.hidden = true;
    return;
  }
  const label = button.textContent;
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = button.dataset.msgCopied || label;
      setTimeout(() => {
        button.textContent = label;
      }, 1600);
    } catch {
      button.textContent = label;
    }
  };
}

/** Shows what to scan or type when `challenge` sets up an authenticator app; hides it otherwise. */
function showEnrollment(challenge) {
  const enrollment = challenge.enrollment;
  const title = $('otp-title');
  $('otp-enroll').hidden = !enrollment;
  title.textContent = enrollment ? title.dataset.msgTotp : title.dataset.msgConfirm;
  if (!enrollment) {
    $('otp-qr').removeAttribute('src');
    return;
  }
  $('otp-qr').src = enrollment.qr_url;
  $('otp-secret').textContent = enrollment.secret;
  copyButton($('otp-copy'), () => enrollment.secret.replace(/\s/g, ''));
}

/** The sentence above the code field for `challenge`. */
function codeText(challenge) {
  if (challenge.channel !== 'totp') return otpForm.dataset.msgSent;
  return challenge.enrollment ? otpForm.dataset.msgTotpEnter : otpForm.dataset.msgTotp;
}

/**
 * Asks for the code of `challenge`. `submit(code)` calls the API and resolves like `api()`;
 * `again(challenge)` (optional) asks the server for a new code and resolves to the challenge or null.
 * Resolves to the successful response's data, or null when the user cancels.
 */
function askCode({ text, challenge, submit, again }) {
  let current = challenge;
  let stop = () => {};
  const restart = () => {
    stop();
    stop = countdown(otpResend, current, {
      ready: otpForm.dataset.msgResend,
      waiting: otpForm.dataset.msgResendIn,
    });
  };
  const show = () => {
    showEnrollment(current);
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
      const next = await again(current);
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

const smsAvailable = root.dataset.smsAvailable === 'true';

function showTwoFactor() {
  tfaSwitch.checked = Boolean(state.method);
  tfaSwitch.removeAttribute('aria-busy');
  $('tfa-state').textContent = state.method ? root.dataset.msgOn : root.dataset.msgOff;
  const group = $('tfa-methods');
  group.classList.toggle('choice-group--off', !state.method);
  const legend = $('tfa-methods-legend');
  legend.textContent = state.method ? legend.dataset.msgOn : legend.dataset.msgOff;
  for (const radio of methods()) {
    if (state.method) radio.checked = radio.value === state.method;
    if (radio.value === 'sms') radio.disabled = !state.phone || !smsAvailable;
  }
  if (state.phone && smsAvailable) $('tfa-sms-hint').textContent = state.phone;
  // Recovery codes belong to two-factor authentication (and not to the setup a company requires,
  // which ends on the way to the inbox).
  $('recovery-card').hidden = !state.method || root.dataset.setup === 'true';
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

const codesDialog = $('codes-dialog');
const codesForm = $('codes-form');

function setRecoveryCount(text, low) {
  const count = $('recovery-count');
  count.textContent = text;
  count.classList.toggle('recovery-count--low', low);
}

/** Shows a fresh set of codes until the user says they are saved; resolves then. */
function showCodes(codes) {
  $('codes-list').replaceChildren(
    ...codes.map((code) => {
      const item = document.createElement('li');
      item.textContent = code;
      return item;
    }),
  );
  const saved = $('codes-saved');
  const done = $('codes-done');
  saved.checked = false;
  done.disabled = true;
  const asText = () => `${fill(codesForm.dataset.fileTitle, { email: codesForm.dataset.email })}\n\n${codes.join('\n')}\n`;
  copyButton($('codes-copy'), asText);
  $('codes-download').onclick = () => {
    const url = URL.createObjectURL(new Blob([asText()], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'agentdesk-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  saved.onchange = () => {
    done.disabled = !saved.checked;
  };
  codesDialog.showModal();
  return new Promise((resolve) => {
    // Escape does not close it before the codes are saved: they are never shown again.
    codesDialog.oncancel = (event) => {
      if (!saved.checked) event.preventDefault();
    };
    codesDialog.onclose = () => resolve();
  });
}

const passwordDialog = $('recovery-password-dialog');
const passwordForm = $('recovery-password-form');
const passwordInput = $('recovery-password');

$('recovery-generate').addEventListener('click', () => {
  passwordInput.value = '';
  passwordInput.removeAttribute('aria-invalid');
  $('recovery-password-error').textContent = '';
  passwordDialog.showModal();
  passwordInput.focus();
});
$('recovery-password-cancel').addEventListener('click', () => passwordDialog.close());
passwordForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!passwordInput.value) {
    passwordInput.setAttribute('aria-invalid', 'true');
    passwordInput.focus();
    return;
  }
  const confirm = $('recovery-password-confirm');
  setBusy(confirm, true);
  const { ok, status, data } = await api('POST', '/api/v1/me/recovery-codes', { password: passwordInput.value });
  setBusy(confirm, false);
  if (!ok) {
    passwordInput.setAttribute('aria-invalid', 'true');
    $('recovery-password-error').textContent = failure(status, data);
    passwordInput.select();
    passwordInput.focus();
    return;
  }
  passwordInput.value = '';
  passwordDialog.close();
  await showCodes(data.codes);
  const card = $('recovery-card');
  setRecoveryCount($('recovery-card').dataset.msgFull, false);
  toast(card.dataset.msgGenerated, 'success');
  loadEvents();
});

/** Runs one 2FA change: a code to where docs/security.md says, then the change itself. */
async function changeTwoFactor(action, method) {
  const first = await api('POST', '/api/v1/me/two-factor/challenge', { action, method });
  if (!first.ok) {
    toast(failure(first.status, first.data), 'error');
    return false;
  }
  const enabled = action !== 'disable';
  // An authenticator's codes are not sent, so there is nothing to send again.
  const sent = first.data.channel !== 'totp';
  const done = await askCode({
    text: codeText(first.data),
    challenge: first.data,
    submit: (code, challenge) =>
      api('PUT', '/api/v1/me/two-factor', { enabled, method, challenge_id: challenge.id, code }),
    again: sent ? sendAgain : null,
  });
  if (!done) return false;
  state.method = done.two_factor.enabled ? done.two_factor.method : '';
  // Applied on the server: the switch says so now, before any dialog that follows.
  showTwoFactor();
  const messages = { enable: root.dataset.msgEnabled, disable: root.dataset.msgDisabled, switch: root.dataset.msgSwitched };
  toast(messages[action], 'success');
  if (Array.isArray(done.recovery_codes)) {
    // Turned on: the recovery codes, shown this once.
    await showCodes(done.recovery_codes);
    setRecoveryCount($('recovery-card').dataset.msgFull, false);
  }
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
  // Until the code confirms it, nothing has changed: the switch keeps showing the state in force
  // and its label says what is waiting.
  tfaSwitch.checked = !wanted;
  tfaSwitch.setAttribute('aria-busy', 'true');
  $('tfa-state').textContent = wanted ? root.dataset.msgTurningOn : root.dataset.msgTurningOff;
  tfaSwitch.disabled = true;
  if (wanted) await changeTwoFactor('enable', chosenMethod());
  else await changeTwoFactor('disable', state.method || chosenMethod());
  tfaSwitch.disabled = false;
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
      again: sendAgain,
    });
    if (!step) return;
  }
  const done = await askCode({
    text: otpForm.dataset.msgNewPhone,
    challenge: step.challenge,
    submit: verify,
    again: sendAgain,
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
