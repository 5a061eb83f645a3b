// The sign-in page: sends email and password to the API, shows what went wrong in the user's
// language, asks for the one-time code when the account has two-factor authentication (with a
// resend button that counts down; an authenticator app's code is never sent, so no button then),
// or for a recovery code instead, and switches the page language before signing in (a cookie the
// server reads).

import { api, errorMessage } from '../lib/api.js';
import { toast } from '../lib/flash.js';
import { setBusy } from '../lib/forms.js';
import { countdown, keepDigits } from '../lib/otp.js';
import { fill } from '../lib/strings.js';

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
  if (ok && data && data.status === 'two_factor_setup_required') {
    // The company requires a second factor: set one up first.
    location.assign('/preferences/security');
    return;
  }
  if (ok && data && data.status === 'otp_required') {
    setBusy(submit, false);
    askForCode(data.challenge);
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

// ---------------------------------------------------------------------------------------------
// The second step: the code

const otpForm = document.getElementById('otp-form');
const otpCode = document.getElementById('otp-code');
const otpError = document.getElementById('otp-error');
const otpSubmit = document.getElementById('otp-submit');
const resend = document.getElementById('otp-resend');
const recoveryToggle = document.getElementById('otp-recovery');
const recoveryCode = document.getElementById('recovery-code');
let challenge = null;
let stopCountdown = () => {};
// Answering with a recovery code instead of the code.
let recovering = false;

function showOtpError(message) {
  otpError.textContent = message;
  otpError.hidden = false;
}

function startCountdown() {
  stopCountdown();
  stopCountdown = countdown(resend, challenge, {
    ready: otpForm.dataset.msgResend,
    waiting: otpForm.dataset.msgResendIn,
  });
}

function codeSentence() {
  if (recovering) return otpForm.dataset.msgRecovery;
  if (challenge.channel === 'totp') return otpForm.dataset.msgTotp;
  return fill(otpForm.dataset.msgSent, { destination: challenge.destination_hint });
}

function showMode() {
  document.getElementById('otp-text').textContent = codeSentence();
  document.getElementById('otp-code-field').hidden = recovering;
  document.getElementById('recovery-field').hidden = !recovering;
  recoveryToggle.textContent = recovering ? otpForm.dataset.msgUseOtp : otpForm.dataset.msgUseRecovery;
  resend.hidden = recovering || challenge.channel === 'totp';
  otpError.hidden = true;
  (recovering ? recoveryCode : otpCode).focus();
}

function askForCode(next) {
  challenge = next;
  form.hidden = true;
  otpForm.hidden = false;
  document.getElementById('login-heading').textContent = otpForm.dataset.title;
  document.getElementById('login-subtitle').hidden = true;
  otpCode.value = '';
  if (challenge.channel !== 'totp') startCountdown();
  showMode();
}

recoveryToggle.addEventListener('click', () => {
  recovering = !recovering;
  showMode();
});
recoveryCode.addEventListener('input', () => {
  if (!otpError.hidden) otpError.hidden = true;
});

keepDigits(otpCode);
otpCode.addEventListener('input', () => {
  if (!otpError.hidden) otpError.hidden = true;
});

otpForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (otpSubmit.disabled || !challenge) return;
  const input = recovering ? recoveryCode : otpCode;
  const value = input.value.trim();
  if (recovering ? value.length === 0 : value.length !== 6) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  setBusy(otpSubmit, true, otpSubmit.dataset.msgSubmitting);
  const answer = recovering ? { recovery_code: value } : { code: value };
  const { ok, status, data } = await api('POST', '/api/v1/auth/otp', { challenge_id: challenge.id, ...answer });
  if (ok && data && data.status === 'authenticated') {
    location.assign('/inbox');
    return;
  }
  setBusy(otpSubmit, false);
  showOtpError(status === 0 ? otpForm.dataset.msgNetwork : errorMessage(data, otpForm.dataset.msgNetwork));
  if (status === 401 && data && data.error && data.error.code === 'unauthenticated') {
    // The half-session ended (it lasts 15 minutes): start over.
    location.reload();
    return;
  }
  input.setAttribute('aria-invalid', 'true');
  input.select();
  input.focus();
});

resend.addEventListener('click', async () => {
  if (!challenge || resend.disabled) return;
  resend.disabled = true;
  const { ok, status, data } = await api('POST', '/api/v1/auth/otp/resend', { challenge_id: challenge.id });
  if (ok && data) {
    challenge = data;
    startCountdown();
    toast(otpForm.dataset.msgResent, 'success');
    otpCode.focus();
    return;
  }
  resend.disabled = false;
  showOtpError(status === 0 ? otpForm.dataset.msgNetwork : errorMessage(data, otpForm.dataset.msgNetwork));
});

document.getElementById('otp-back').addEventListener('click', () => location.reload());
