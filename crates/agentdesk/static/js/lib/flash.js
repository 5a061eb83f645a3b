// Messages for the user: the toast (a popover above any dialog) and a message kept across the
// reload that follows a change, shown once on the next page.

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

const FLASH_KEY = 'agentdesk.flash';

/** Keeps `message` to show once after the reload that follows a change. */
export function flashAfterReload(message) {
  if (!message) return;
  try {
    sessionStorage.setItem(FLASH_KEY, message);
  } catch {
    // Storage may be unavailable (private mode); the message is a courtesy.
  }
}

/** Shows (as a success toast) the message kept before the reload, if any, and forgets it. */
export function showFlash() {
  let message = null;
  try {
    message = sessionStorage.getItem(FLASH_KEY);
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    return;
  }
  if (message) toast(message, 'success');
}
