// A form in a modal dialog, as every admin and preference dialog behaves: it opens reset (or
// filled in), closes with Cancel, Esc or a click on the backdrop and is reset when it closes (so
// no typed secret lingers in the page), submits through the API with its button busy, and shows
// what the server answered: each field's problem next to the field, the rest above the buttons.

import { api, errorMessage, sendForm } from './api.js';
import { clearFieldErrorOnInput, clearFieldErrors, setBusy, showFieldErrors } from './forms.js';
import { closeOnBackdrop } from './dom.js';

/**
 * `dialog`, `form`: the elements. `error`: the form-level message element. `submit`: its submit
 * button. `cancel`: its cancel button. `focus`: the name of the control to focus on opening.
 * `fieldFor`: error codes that are about one field (`{ email_taken: 'email' }`), shown there.
 * The form's `data-msg-network` is the message for a failed connection.
 */
export function dialogForm({ dialog, form, error, submit, cancel, focus, fieldFor = {} }) {
  const slot = (name) => form.querySelector(`.field__error[data-for="${CSS.escape(name)}"]`);
  const showError = (message) => {
    if (!error) return;
    error.textContent = message;
    error.hidden = !message;
  };
  const reset = () => {
    form.reset();
    clearFieldErrors(form);
    showError('');
    // A dialog used again on the same page (not reloaded after a save) starts ready.
    setBusy(submit, false);
  };

  cancel?.addEventListener('click', () => dialog.close());
  closeOnBackdrop(dialog);
  // The browser gives the focus back to the control that opened the dialog by itself.
  dialog.addEventListener('close', reset);
  clearFieldErrorOnInput(form, slot);

  const submitWith = async (request) => {
    if (submit?.disabled) return null;
    clearFieldErrors(form);
    showError('');
    setBusy(submit, true);
    const result = await request();
    if (result.ok) return result;
    setBusy(submit, false);
    const network = form.dataset.msgNetwork ?? '';
    if (result.status === 0) {
      showError(network);
      return null;
    }
    const message = errorMessage(result.data, network);
    const field = fieldFor[result.data?.error?.code];
    const control = field ? form.elements.namedItem(field) : null;
    const fieldSlot = field ? slot(field) : null;
    if (control instanceof HTMLElement && fieldSlot) {
      fieldSlot.textContent = message;
      control.setAttribute('aria-invalid', 'true');
      control.focus();
      return null;
    }
    const shown = showFieldErrors(form, result.data, slot);
    showError(message);
    // The first problem in reading order gets the focus, whatever order the server listed.
    const first = form.querySelector('[aria-invalid="true"]');
    if (first instanceof HTMLElement) first.focus();
    else if (shown === 0) error?.scrollIntoView({ block: 'nearest' });
    return null;
  };

  return {
    form,
    slot,
    showError,
    reset,
    /** Opens the dialog; `fill(form)` may put values in after the reset. */
    open(fill) {
      reset();
      fill?.(form);
      dialog.showModal();
      const control = focus ? form.elements.namedItem(focus) : null;
      if (control instanceof HTMLElement) control.focus();
    },
    close() {
      dialog.close();
    },
    /** The trimmed text of a control (`raw` keeps spaces, for passwords). */
    value(name, raw = false) {
      const text = String(form.elements.namedItem(name)?.value ?? '');
      return raw ? text : text.trim();
    },
    /**
     * Sends `body` and resolves to the API's answer when it succeeded, or to null once the problem
     * is shown in the dialog. A second submit while one is under way is ignored.
     */
    send(method, path, body) {
      return submitWith(() => api(method, path, body));
    },
    /** `send` for a multipart `FormData`, reporting upload progress to `onProgress` (0–1). */
    sendForm(method, path, data, onProgress) {
      return submitWith(() => sendForm(method, path, data, onProgress));
    },
  };
}
