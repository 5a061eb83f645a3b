// The details pane of the open conversation: beside it on wide screens (it can be hidden), over it
// on narrow ones.

import { $ } from '../lib/dom.js';
import { detailsToggle } from './elements.js';
import { root } from './format.js';

const wideDetails = window.matchMedia('(min-width: 1360px)');

function setDetails(open) {
  if (wideDetails.matches) {
    root.classList.toggle('is-details-hidden', !open);
    root.classList.remove('is-details-open');
  } else {
    root.classList.toggle('is-details-open', open);
  }
  detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
}

export function detailsShown() {
  return wideDetails.matches ? !root.classList.contains('is-details-hidden') : root.classList.contains('is-details-open');
}

detailsToggle.addEventListener('click', () => {
  setDetails(!detailsShown());
  if (detailsShown() && !wideDetails.matches) $('details-close').focus();
});
$('details-close').addEventListener('click', () => {
  setDetails(false);
  detailsToggle.focus();
});
wideDetails.addEventListener('change', () => {
  root.classList.remove('is-details-open');
  detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
});
root.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && root.classList.contains('is-details-open')) {
    setDetails(false);
    detailsToggle.focus();
  }
});
detailsToggle.setAttribute('aria-expanded', String(detailsShown()));
