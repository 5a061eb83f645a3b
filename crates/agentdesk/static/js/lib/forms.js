// Forms and buttons: busy buttons, and an API error's per-field problems shown next to their
// fields.

/**
 * Marks a button as working (disabled, with a spinner) or done. With `label`, the button shows that
 * text while busy and gets its own text back afterwards.
 */
export function setBusy(button, busy, label) {
  if (!button) return;
  if (busy) {
    if (label) {
      button.dataset.idleLabel = button.textContent;
      button.textContent = label;
    }
    button.disabled = true;
    button.classList.add('is-busy');
    button.setAttribute('aria-busy', 'true');
  } else {
    if (button.dataset.idleLabel !== undefined) {
      button.textContent = button.dataset.idleLabel;
      delete button.dataset.idleLabel;
    }
    button.disabled = false;
    button.classList.remove('is-busy');
    button.removeAttribute('aria-busy');
  }
}

/**
 * Writes the messages of `data.error.fields` into the elements `slotFor(fieldName)` returns, marks
 * the matching controls of `form` invalid and focuses the first of them. Returns how many fields
 * got a message.
 */
export function showFieldErrors(form, data, slotFor) {
  const fields = (data && data.error && data.error.fields) || {};
  let shown = 0;
  let first = null;
  for (const [name, problem] of Object.entries(fields)) {
    const slot = slotFor(name);
    if (!slot || !problem) continue;
    slot.textContent = problem.message || '';
    shown += 1;
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLElement) {
      control.setAttribute('aria-invalid', 'true');
      if (!first) first = control;
    }
  }
  if (first) first.focus();
  return shown;
}

/** Removes every field message and invalid mark inside `form`. */
export function clearFieldErrors(form) {
  for (const slot of form.querySelectorAll('.field__error')) slot.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
  }
}

/** Clears a field's message as soon as the user edits that field. */
export function clearFieldErrorOnInput(form, slotFor) {
  form.addEventListener('input', (event) => {
    const control = event.target;
    if (!(control instanceof HTMLElement) || !control.hasAttribute('aria-invalid')) return;
    control.removeAttribute('aria-invalid');
    const slot = control.name ? slotFor(control.name) : null;
    if (slot) slot.textContent = '';
  });
}
