// What every page script shares: calling the JSON API without ever throwing, the toast, busy
// buttons, and showing the per-field problems of an API error next to their fields.
// No visible text is written here: every string comes from the server.

/**
 * Calls the API. Resolves to `{ ok, status, data }`, where `data` is the parsed JSON body or null.
 * HTTP errors are ordinary results; a network failure is `{ ok: false, status: 0, data: null }`.
 */
export async function api(method, path, body) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  let text;
  try {
    response = await fetch(path, init);
    text = await response.text();
  } catch {
    return { ok: false, status: 0, data: null };
  }
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  return { ok: response.ok, status: response.status, data };
}

/**
 * Sends a `FormData` (multipart, the browser writes the boundary) and reports upload progress as a
 * fraction 0–1 to `onProgress` (null when unknown or when the upload is done and the server is
 * working). XMLHttpRequest rather than fetch, for that progress. Resolves like `api()`.
 */
export function sendForm(method, path, form, onProgress = () => {}) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress(event.lengthComputable && event.total ? event.loaded / event.total : null);
    });
    xhr.upload.addEventListener('load', () => onProgress(null));
    xhr.addEventListener('load', () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, data });
    });
    xhr.addEventListener('error', () => resolve({ ok: false, status: 0, data: null }));
    xhr.addEventListener('abort', () => resolve({ ok: false, status: 0, data: null }));
    xhr.send(form);
  });
}

/** The human message of an API error body, or `fallback` when there is none. */
export function errorMessage(data, fallback) {
  const message = data && data.error && data.error.message;
  return typeof message === 'string' && message ? message : fallback;
}

const TOAST_MS = 3000;
let toastTimer = 0;
let toastHideTimer = 0;

/** A visible toast stays above a dialog opened after it: the top layer stacks in opening order,
 * so the toast is shown again on top whenever a dialog opens. */
function keepToastOnTop() {
  const el = document.getElementById('toast');
  if (!el || !document.body) return;
  new MutationObserver((changes) => {
    const opened = changes.some((c) => c.target instanceof HTMLDialogElement && c.target.open);
    if (opened && el.matches(':popover-open')) {
      el.hidePopover();
      el.showPopover();
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
}
keepToastOnTop();

/** Shows `message` in the page's `#toast` for about three seconds. `kind`: info, success, error. */
export function toast(message, kind = 'info') {
  const el = document.getElementById('toast');
  if (!el || !message) return;
  clearTimeout(toastTimer);
  clearTimeout(toastHideTimer);
  el.classList.remove('toast--info', 'toast--success', 'toast--error', 'is-visible');
  el.classList.add(`toast--${kind}`);
  // Shown as a popover, so it is drawn in the top layer above any open dialog and its backdrop;
  // shown again each time, so it is above a dialog opened after it too. The text comes a frame
  // later, so screen readers notice the live region change.
  el.textContent = '';
  if (el.matches(':popover-open')) el.hidePopover();
  el.showPopover();
  requestAnimationFrame(() => {
    el.textContent = message;
    el.classList.add('is-visible');
  });
  toastTimer = setTimeout(() => {
    el.classList.remove('is-visible');
    toastHideTimer = setTimeout(() => {
      if (el.matches(':popover-open')) el.hidePopover();
      el.textContent = '';
    }, 250);
  }, TOAST_MS);
}

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

/**
 * Shows a picture inside an `.avatar` (over its initials, which stay for screen readers and as
 * a fallback), or removes it when `url` is empty.
 */
export function setAvatarPicture(el, url) {
  if (!el) return;
  let img = el.querySelector('.avatar__img');
  if (!url) {
    if (img) img.remove();
    el.classList.remove('has-picture');
    return;
  }
  if (!img) {
    img = document.createElement('img');
    img.className = 'avatar__img';
    img.alt = '';
    img.decoding = 'async';
    el.append(img);
  }
  if (img.getAttribute('src') !== url) img.src = url;
  el.classList.add('has-picture');
}
