// Your preference › Profile: the picture (choose or drop, crop in the browser, upload with progress
// on Save, larger preview and removal on hover), the names with live counters, saving with a warning
// before leaving unsaved changes, the language (applied at once; unsaved names survive the reload),
// and changing the password with a strength meter fed by the server's own policy.

import { api, errorMessage, sendForm } from '../lib/api.js';
import { $, setAvatarPicture } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { clearFieldErrorOnInput, clearFieldErrors, setBusy, showFieldErrors } from '../lib/forms.js';

const NAME_FIELDS = ['first_name', 'last_name'];
/** A counter turns to a warning when this few characters are left. */
const NEAR_LIMIT = 5;
const MAX_PICTURE_BYTES = 5 * 1024 * 1024;
const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** Unsaved names are carried over a language switch (the page reloads in the new language). */
const DRAFT_KEY = 'agentdesk.profile-draft';

const lang = document.documentElement.lang || 'en';
const numbers = new Intl.NumberFormat(lang);
const percent = new Intl.NumberFormat(lang, { style: 'percent' });

const form = $('profile-form');
const saveButton = $('profile-save');
const statusLine = $('profile-status');
const language = $('language');

/** Length as people count it: code points, so an emoji or a CJK character counts once. */
function length(text) {
  return [...text].length;
}

function errorSlot(name) {
  return $(`${name}-error`);
}

function updateCounter(name) {
  const counter = $(`${name}-count`);
  const field = $(name);
  if (!counter || !field) return;
  const max = Number(counter.dataset.max) || 0;
  const used = length(field.value);
  counter.textContent = `${numbers.format(used)} / ${numbers.format(max)}`;
  counter.classList.toggle('is-near', max > 0 && used >= max - NEAR_LIMIT && used <= max);
  counter.classList.toggle('is-over', max > 0 && used > max);
}

function currentNames() {
  return Object.fromEntries(NAME_FIELDS.map((name) => [name, ($(name)?.value ?? '').trim()]));
}

/** The names as last saved, to know whether the form holds unsaved changes. */
let saved = currentNames();
/** A picture chosen and cropped but not saved yet: `{ file, crop, previewUrl }`. */
let pending = null;
let leavingOnPurpose = false;

function namesDirty() {
  const now = currentNames();
  return NAME_FIELDS.some((name) => now[name] !== saved[name]);
}

function isDirty() {
  return namesDirty() || pending !== null;
}

/** The line beside Save: `kind` is 'success', 'error' or '' (neutral). */
function setStatus(text, kind = '') {
  statusLine.textContent = text;
  statusLine.classList.toggle('is-success', kind === 'success' && Boolean(text));
  statusLine.classList.toggle('is-error', kind === 'error' && Boolean(text));
}

// ---------------------------------------------------------------------------------------------
// Showing the profile everywhere on the page

function setColour(el, colour) {
  for (const cls of [...el.classList]) {
    if (/^avatar--c\d$/.test(cls)) el.classList.remove(cls);
  }
  el.classList.add(`avatar--c${colour}`);
}

/** Writes the initials into an avatar: its first text node, before any picture. */
function setInitials(el, text) {
  const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
  if (node) node.textContent = text;
  else el.prepend(text);
}

/** Applies a profile from the API to the sidebar and this page. */
function showProfile(me) {
  const fullName = `${me.first_name} ${me.last_name}`;
  for (const el of document.querySelectorAll('.me-button__name')) el.textContent = fullName;
  const head = document.querySelector('.profile-head__name');
  if (head && head.firstChild) head.firstChild.textContent = `${fullName} `;
  for (const avatar of document.querySelectorAll('.me-button .avatar')) {
    setInitials(avatar, me.initials);
    setColour(avatar, me.avatar_color);
    setAvatarPicture(avatar, me.avatar_thumb_url);
  }
  const current = $('avatar-current');
  if (current) {
    setInitials(current, me.initials);
    setColour(current, me.avatar_color);
    if (!pending) setAvatarPicture(current, me.avatar_url);
  }
  if (!pending) showSavedPicture(me.avatar_url);
}

let savedPictureUrl = $('avatar-current')?.querySelector('.avatar__img')?.getAttribute('src') || '';

function showSavedPicture(url) {
  savedPictureUrl = url || '';
  const stage = $('avatar-stage');
  const editor = $('avatar-editor');
  stage?.classList.toggle('has-picture', Boolean(url));
  setAvatarPicture($('avatar-preview'), url);
  setAvatarPicture($('avatar-current'), url);
  const choose = $('avatar-choose');
  if (choose && editor) choose.textContent = url ? editor.dataset.msgChange : editor.dataset.msgChoose;
}

// ---------------------------------------------------------------------------------------------
// Cropping: the picture is drawn on a canvas; the user pans (drag, arrow keys) and zooms (slider,
// wheel, +/-). The square kept is sent as pixels of the picture as displayed (EXIF applied, as
// createImageBitmap and the server both do).

const cropDialog = $('crop-dialog');
const canvas = $('crop-canvas');
const zoom = $('crop-zoom');
const crop = { bitmap: null, file: null, cx: 0, cy: 0, zoom: 1 };

function viewSide() {
  const { bitmap } = crop;
  return Math.min(bitmap.width, bitmap.height) / crop.zoom;
}

function clampCentre() {
  const half = viewSide() / 2;
  crop.cx = Math.min(Math.max(crop.cx, half), crop.bitmap.width - half);
  crop.cy = Math.min(Math.max(crop.cy, half), crop.bitmap.height - half);
}

function cropSquare() {
  const side = Math.max(1, Math.floor(viewSide()));
  const x = Math.min(Math.max(0, Math.round(crop.cx - side / 2)), crop.bitmap.width - side);
  const y = Math.min(Math.max(0, Math.round(crop.cy - side / 2)), crop.bitmap.height - side);
  return { x, y, size: side };
}

function drawCrop() {
  if (!crop.bitmap || !canvas) return;
  clampCentre();
  const ctx = canvas.getContext('2d');
  const { x, y, size } = cropSquare();
  const w = canvas.width;
  ctx.clearRect(0, 0, w, w);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(crop.bitmap, x, y, size, size, 0, 0, w, w);
  // Dim what falls outside the round avatar.
  ctx.save();
  ctx.fillStyle = 'rgba(15, 23, 42, 0.55)';
  ctx.beginPath();
  ctx.rect(0, 0, w, w);
  ctx.arc(w / 2, w / 2, w / 2 - 2, 0, Math.PI * 2, true);
  ctx.fill('evenodd');
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(w / 2, w / 2, w / 2 - 2, 0, Math.PI * 2);
  ctx.stroke();
  ctx.restore();
}

function setZoom(value) {
  crop.zoom = Math.min(4, Math.max(1, value));
  if (zoom) zoom.value = String(crop.zoom);
  drawCrop();
}

/** Image pixels per CSS pixel of the canvas as shown. */
function pixelsPerScreenPixel() {
  const shown = canvas.getBoundingClientRect().width || canvas.width;
  return viewSide() / shown;
}

if (canvas && cropDialog) {
  let drag = null;
  canvas.addEventListener('pointerdown', (event) => {
    if (!crop.bitmap) return;
    drag = { x: event.clientX, y: event.clientY, cx: crop.cx, cy: crop.cy };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add('is-dragging');
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const k = pixelsPerScreenPixel();
    crop.cx = drag.cx - (event.clientX - drag.x) * k;
    crop.cy = drag.cy - (event.clientY - drag.y) * k;
    drawCrop();
  });
  const endDrag = () => {
    drag = null;
    canvas.classList.remove('is-dragging');
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      setZoom(crop.zoom * (event.deltaY < 0 ? 1.08 : 1 / 1.08));
    },
    { passive: false },
  );
  $('cropper').addEventListener('keydown', (event) => {
    const step = viewSide() / 20;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      crop.cx += moves[event.key][0];
      crop.cy += moves[event.key][1];
      drawCrop();
    } else if (event.key === '+' || event.key === '=') {
      setZoom(crop.zoom * 1.1);
    } else if (event.key === '-') {
      setZoom(crop.zoom / 1.1);
    } else {
      return;
    }
    event.preventDefault();
  });
  zoom.addEventListener('input', () => setZoom(Number(zoom.value)));
  $('crop-cancel').addEventListener('click', () => cropDialog.close());
  cropDialog.addEventListener('close', () => {
    if (crop.bitmap) crop.bitmap.close();
    crop.bitmap = null;
    $('avatar-choose')?.focus();
  });
  $('crop-use').addEventListener('click', async () => {
    const square = cropSquare();
    // A small preview of exactly what the server will keep.
    const preview = document.createElement('canvas');
    preview.width = 256;
    preview.height = 256;
    preview.getContext('2d').drawImage(crop.bitmap, square.x, square.y, square.size, square.size, 0, 0, 256, 256);
    const blob = await new Promise((resolve) => preview.toBlob(resolve, 'image/png'));
    if (pending && pending.previewUrl) URL.revokeObjectURL(pending.previewUrl);
    pending = { file: crop.file, crop: square, previewUrl: blob ? URL.createObjectURL(blob) : '' };
    setAvatarPicture($('avatar-current'), pending.previewUrl);
    $('avatar-pending').hidden = false;
    setStatus('');
    cropDialog.close();
    saveButton.focus();
  });
}

/** Checks a chosen or dropped file and opens the cropper on it. */
async function choosePicture(file) {
  const editor = $('avatar-editor');
  if (!file || !editor) return;
  if (file.size > MAX_PICTURE_BYTES) {
    toast(editor.dataset.msgTooBig, 'error');
    return;
  }
  if (file.type && !PICTURE_TYPES.includes(file.type)) {
    toast(editor.dataset.msgNotImage, 'error');
    return;
  }
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    toast(editor.dataset.msgNotImage, 'error');
    return;
  }
  Object.assign(crop, { bitmap, file, cx: bitmap.width / 2, cy: bitmap.height / 2, zoom: 1 });
  setZoom(1);
  cropDialog.showModal();
  $('cropper').focus();
}

// ---------------------------------------------------------------------------------------------
// The picture: choose, drop, remove

const editor = $('avatar-editor');
if (editor) {
  const fileInput = $('avatar-file');
  $('avatar-choose').addEventListener('click', () => fileInput.click());
  $('avatar-trigger').addEventListener('click', () => {
    // Without a picture the avatar itself is a shortcut to choosing one.
    if (!savedPictureUrl && !pending) fileInput.click();
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    choosePicture(file);
  });

  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes('Files');
  editor.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    editor.classList.add('is-dragover');
  });
  editor.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  editor.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) editor.classList.remove('is-dragover');
  });
  editor.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    editor.classList.remove('is-dragover');
    choosePicture(event.dataTransfer?.files?.[0]);
  });

  const removeDialog = $('avatar-remove-dialog');
  $('avatar-remove').addEventListener('click', () => removeDialog.showModal());
  $('avatar-remove-cancel').addEventListener('click', () => removeDialog.close());
  $('avatar-remove-confirm').addEventListener('click', async () => {
    const button = $('avatar-remove-confirm');
    setBusy(button, true);
    const { ok, status, data } = await api('DELETE', '/api/v1/me/avatar');
    setBusy(button, false);
    removeDialog.close();
    if (!ok) {
      toast(status === 0 ? form.dataset.msgNetwork : errorMessage(data, form.dataset.msgFailed), 'error');
      return;
    }
    showProfile(data);
    toast(editor.dataset.msgRemoved, 'success');
    $('avatar-choose').focus();
  });
}

function showProgress(fraction) {
  const box = $('avatar-progress');
  const bar = $('avatar-progress-bar');
  const label = $('avatar-progress-label');
  box.hidden = false;
  if (fraction === null) {
    bar.removeAttribute('value');
    label.textContent = editor.dataset.msgUploading.replace('%percent%', '').trim();
  } else {
    bar.value = fraction;
    label.textContent = editor.dataset.msgUploading.replace('%percent%', percent.format(fraction));
  }
}

/** Uploads the pending picture together with `names` (when given), in one request that applies
 * all of it or nothing; resolves to the server's answer. */
async function uploadPicture(names) {
  const body = new FormData();
  body.append('file', pending.file, pending.file.name || 'avatar');
  body.append('crop_x', String(pending.crop.x));
  body.append('crop_y', String(pending.crop.y));
  body.append('crop_size', String(pending.crop.size));
  if (names) for (const [name, value] of Object.entries(names)) body.append(name, value);
  showProgress(0);
  const result = await sendForm('PUT', '/api/v1/me/avatar', body, showProgress);
  $('avatar-progress').hidden = true;
  if (result.ok) {
    URL.revokeObjectURL(pending.previewUrl);
    pending = null;
    $('avatar-pending').hidden = true;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Names and Save

if (form) {
  const draft = sessionStorage.getItem(DRAFT_KEY);
  if (draft) {
    sessionStorage.removeItem(DRAFT_KEY);
    try {
      const names = JSON.parse(draft);
      for (const name of NAME_FIELDS) if (typeof names[name] === 'string') $(name).value = names[name];
    } catch {
      /* an unreadable draft is dropped */
    }
  }
  for (const name of NAME_FIELDS) {
    updateCounter(name);
    $(name)?.addEventListener('input', () => {
      updateCounter(name);
      if (statusLine.textContent) setStatus('');
    });
  }
  clearFieldErrorOnInput(form, errorSlot);

  window.addEventListener('beforeunload', (event) => {
    if (leavingOnPurpose || !isDirty()) return;
    event.preventDefault();
    // Browsers show their own text; setting one is still needed for some of them to ask at all.
    event.returnValue = form.dataset.msgUnsaved;
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saveButton.disabled) return;
    clearFieldErrors(form);
    setStatus('');
    setBusy(saveButton, true, saveButton.dataset.msgSaving);
    // One Save, one request: the picture and the names are applied together or not at all.
    const { ok, status, data } = pending
      ? await uploadPicture(namesDirty() ? currentNames() : null)
      : await api('PATCH', '/api/v1/me', currentNames());
    setBusy(saveButton, false);
    if (!ok) {
      // Say what was wrong, where it is, and that nothing was changed.
      const shown = status === 422 && showFieldErrors(form, data, errorSlot) > 0;
      const why = status === 0 ? form.dataset.msgNetwork : errorMessage(data, form.dataset.msgFailed);
      if (!shown) toast(why, 'error');
      setStatus(`${form.dataset.msgNothingSaved} ${shown ? '' : why}`.trim(), 'error');
      return;
    }
    for (const name of NAME_FIELDS) {
      $(name).value = data[name];
      updateCounter(name);
    }
    saved = currentNames();
    showProfile(data);
    setStatus(form.dataset.msgSaved, 'success');
  });
}

// ---------------------------------------------------------------------------------------------
// Language

if (language) {
  let current = language.value;
  language.addEventListener('change', async () => {
    const chosen = language.value;
    language.disabled = true;
    const { ok, status } = await api('PATCH', '/api/v1/me', { locale: chosen });
    if (ok) {
      current = chosen;
      if (form && namesDirty()) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(currentNames()));
      leavingOnPurpose = true;
      location.reload();
      return;
    }
    language.disabled = false;
    language.value = current;
    const network = status === 0 && form ? form.dataset.msgNetwork : '';
    toast(network || language.dataset.msgFailed, 'error');
    language.focus();
  });
}

// ---------------------------------------------------------------------------------------------
// Password

const passwordForm = $('password-form');
if (passwordForm) {
  const meter = $('password-strength');
  const meterLabel = $('password-strength-label');
  const newPassword = $('new_password');
  let strengthTimer = 0;
  let strengthSeq = 0;

  const showStrength = (score, problem) => {
    meter.dataset.score = score === null ? '' : String(score);
    if (score === null) {
      meterLabel.textContent = '';
      return;
    }
    const word = meterLabel.dataset[`s${score}`] || '';
    meterLabel.textContent = problem ? `${word} · ${problem}` : word;
  };

  newPassword.addEventListener('input', () => {
    clearTimeout(strengthTimer);
    const value = newPassword.value;
    if (!value) {
      showStrength(null);
      return;
    }
    strengthTimer = setTimeout(async () => {
      const seq = ++strengthSeq;
      const { ok, data } = await api('POST', '/api/v1/me/password/strength', { password: value });
      if (ok && seq === strengthSeq && newPassword.value === value) showStrength(data.score, data.problem);
    }, 200);
  });
  clearFieldErrorOnInput(passwordForm, errorSlot);

  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = $('password-save');
    const status = $('password-status');
    if (button.disabled) return;
    clearFieldErrors(passwordForm);
    status.textContent = '';
    status.classList.remove('is-success');
    const fields = Object.fromEntries(
      ['current_password', 'new_password', 'confirm_password'].map((name) => [name, $(name).value]),
    );
    if (fields.new_password !== fields.confirm_password) {
      showFieldErrors(passwordForm, { error: { fields: { confirm_password: { message: passwordForm.dataset.msgMismatch } } } }, errorSlot);
      return;
    }
    setBusy(button, true, button.dataset.msgSaving);
    const res = await api('POST', '/api/v1/me/password', {
      current_password: fields.current_password,
      new_password: fields.new_password,
    });
    setBusy(button, false);
    if (res.ok) {
      passwordForm.reset();
      showStrength(null);
      status.textContent = passwordForm.dataset.msgChanged;
      status.classList.add('is-success');
      toast(passwordForm.dataset.msgChanged, 'success');
      return;
    }
    const data = res.data;
    if (res.status === 403) {
      showFieldErrors(passwordForm, { error: { fields: { current_password: { message: errorMessage(data, '') } } } }, errorSlot);
      return;
    }
    if (res.status === 422 && showFieldErrors(passwordForm, data, errorSlot) > 0) return;
    toast(res.status === 0 ? passwordForm.dataset.msgNetwork : errorMessage(data, passwordForm.dataset.msgFailed), 'error');
  });
}
