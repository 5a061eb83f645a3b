// The signed-in layout: the account menu under the avatar in the sidebar (a menu button with
// keyboard support as in the WAI-ARIA menu button pattern) and signing out.

import { api, errorMessage } from '../lib/api.js';
import { toast } from '../lib/flash.js';
import { setBusy } from '../lib/forms.js';

const button = document.getElementById('me-button');
const menu = document.getElementById('me-menu');
const signOut = document.getElementById('sign-out');

function items() {
  return [...menu.querySelectorAll('[role="menuitem"]')].filter((item) => !item.disabled);
}

function isOpen() {
  return !menu.hidden;
}

function open(focus = 'first') {
  menu.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  const list = items();
  const target = focus === 'last' ? list[list.length - 1] : list[0];
  if (target) target.focus();
}

function close({ returnFocus = false } = {}) {
  if (!isOpen()) return;
  menu.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  if (returnFocus) button.focus();
}

function moveFocus(step) {
  const list = items();
  if (list.length === 0) return;
  const index = list.indexOf(document.activeElement);
  const next = index === -1 ? 0 : (index + step + list.length) % list.length;
  list[next].focus();
}

if (button && menu) {
  button.addEventListener('click', () => {
    if (isOpen()) close();
    else open();
  });

  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowUp' ? 'last' : 'first');
    } else if (event.key === 'Escape' && isOpen()) {
      event.preventDefault();
      close({ returnFocus: true });
    }
  });

  menu.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveFocus(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveFocus(-1);
        break;
      case 'Home':
        event.preventDefault();
        items()[0]?.focus();
        break;
      case 'End': {
        event.preventDefault();
        const list = items();
        list[list.length - 1]?.focus();
        break;
      }
      case 'Escape':
        event.preventDefault();
        close({ returnFocus: true });
        break;
      case 'Tab':
        close();
        break;
      case ' ':
        // Links do not react to Space by themselves; menu items should.
        if (event.target instanceof HTMLAnchorElement) {
          event.preventDefault();
          event.target.click();
        }
        break;
      default:
        break;
    }
  });

  // A click anywhere else closes the menu (without taking the focus away from where it went).
  document.addEventListener('pointerdown', (event) => {
    if (!isOpen()) return;
    const target = event.target;
    if (target instanceof Node && (menu.contains(target) || button.contains(target))) return;
    close();
  });

  // Focus leaving both the button and the menu (e.g. Shift+Tab) closes it too.
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && (menu.contains(next) || next === button)) return;
    if (next) close();
  });
}

if (signOut) {
  signOut.addEventListener('click', async () => {
    setBusy(signOut, true);
    const { ok, status, data } = await api('POST', '/api/v1/auth/logout');
    // 401: the session had already ended, which is what the user wanted.
    if (ok || status === 401) {
      location.assign('/login');
      return;
    }
    setBusy(signOut, false);
    toast(errorMessage(status === 0 ? null : data, signOut.dataset.msgFailed), 'error');
  });
}
