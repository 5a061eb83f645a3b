// DOM helpers every page uses. User text is only ever set with textContent.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Closes a modal <dialog> on a click on its backdrop. A press that started inside it and ended
 * outside (selecting text) does not close it. */
export function closeOnBackdrop(dialog) {
  let pressedOnBackdrop = false;
  dialog.addEventListener('pointerdown', (event) => {
    pressedOnBackdrop = event.target === dialog;
  });
  dialog.addEventListener('click', (event) => {
    if (pressedOnBackdrop && event.target === dialog) dialog.close();
    pressedOnBackdrop = false;
  });
}

/** A new element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** What someone wrote keeps its own direction, whatever the page's. */
export function userText(tag, className, text) {
  const node = el(tag, className, text);
  node.dir = 'auto';
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An inline 24×24 stroke icon from its path data (`paths`), hidden from screen readers. */
export function svgIcon(paths, extraClass) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', extraClass ? `icon ${extraClass}` : 'icon');
  for (const d of paths || []) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
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
