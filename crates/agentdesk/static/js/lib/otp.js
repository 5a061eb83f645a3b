// What the code screens share: the resend button that counts down to the moment the server
// accepts a new send, and a code field that keeps digits only.

import { fill } from './strings.js';

/**
 * Keeps `button` disabled and counting down ("New code in 42 s") until the server accepts a
 * resend of `challenge` (`resend_in` seconds after it arrived: the browser's clock may be wrong,
 * its stopwatch is not), then enables it with its ready label. Returns a function that stops the
 * countdown.
 */
export function countdown(button, challenge, { ready, waiting }) {
  if (!challenge.receivedAt) challenge.receivedAt = Date.now();
  const due = challenge.receivedAt + (Number(challenge.resend_in) || 0) * 1000;
  let timer = 0;
  const tick = () => {
    const left = Math.ceil((due - Date.now()) / 1000);
    if (left <= 0) {
      button.disabled = false;
      button.textContent = ready;
      return;
    }
    button.disabled = true;
    button.textContent = fill(waiting, { seconds: left });
    timer = setTimeout(tick, Math.min(1000, due - Date.now()));
  };
  tick();
  return () => clearTimeout(timer);
}

/** Only digits, at most six: what a code field accepts as the user types or pastes. */
export function keepDigits(input) {
  input.addEventListener('input', () => {
    const digits = input.value.replace(/\D/g, '').slice(0, 6);
    if (digits !== input.value) input.value = digits;
  });
}
