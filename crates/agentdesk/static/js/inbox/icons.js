import { el, svgIcon } from '../lib/dom.js';

// ---------------------------------------------------------------------------------------------
// Icons (constant shapes only)

export const ICONS = {
  image: ['M4 5.5h16v13H4z', 'M4 15.5l4.5-4.5 4 4 2.5-2.5 5 5', 'M15.5 9.5a1 1 0 1 0 0-.01'],
  video: ['M3.5 6.5h12v11h-12z', 'M15.5 10.5l5-3v9l-5-3'],
  audio: ['M9 17.5V6l10-2v11.5', 'M9 17.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z', 'M19 15.5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z'],
  voice: ['M12 3.5a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0v-5a3 3 0 0 1 3-3z', 'M6 11.5a6 6 0 0 0 12 0M12 17.5v3'],
  document: ['M6.5 3h7.5l4.5 4.5V21h-12z', 'M13.5 3v5h5', 'M9 12.5h6M9 16h6'],
  sticker: ['M20.5 12A8.5 8.5 0 1 1 12 3.5c0 0 0 0 0 0h3l5.5 5.5z', 'M9 10h.01M15 10h.01', 'M8.5 14.5c1.8 1.8 5.2 1.8 7 0'],
  location: ['M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z', 'M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z'],
  contact: ['M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M5 20c.7-3.6 3.4-6 7-6s6.3 2.4 7 6'],
  reply: ['M10 8L5 12.5 10 17', 'M5.5 12.5H14a5 5 0 0 1 5 5V19'],
  list: ['M8 6.5h12M8 12h12M8 17.5h12', 'M4 6.5h.01M4 12h.01M4 17.5h.01'],
  unsupported: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01'],
  clock: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5V12l3 2'],
  check: ['M4.5 12.5l4.5 4.5L19.5 6.5'],
  checks: ['M2 12.5l4.5 4.5L17 6.5', 'M11.5 16l1 1L23 6.5'],
  failed: ['M12 20.5a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17z', 'M12 7.5v5.5M12 16.5h.01'],
  external: ['M14 4.5h5.5V10', 'M19.5 4.5L11 13', 'M17.5 14v5.5h-13v-13H10'],
  download: ['M12 4v11', 'M7 10.5l5 5 5-5', 'M5 19.5h14'],
};

export const icon = (name, extraClass) => svgIcon(ICONS[name], extraClass);

/** A business number as "Name · +1 555 …": the name in its own direction, the phone number left
 * to right, whatever the page's direction. */
export function showNumber(target, number, c, between, after) {
  if (!number) {
    const id = el('bdi', null, c.number.phone_number_id);
    id.dir = 'ltr';
    target.replaceChildren(id);
    return;
  }
  const name = el('bdi', null, number.name);
  name.dir = 'auto';
  const phone = el('bdi', null, number.display_phone_number);
  phone.dir = 'ltr';
  target.replaceChildren(name, document.createTextNode(between), phone, document.createTextNode(after));
}

export function cloneTemplate(id) {
  const tpl = document.getElementById(id);
  return tpl.content.firstElementChild.cloneNode(true);
}
