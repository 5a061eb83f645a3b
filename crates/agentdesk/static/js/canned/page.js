// Canned responses, on Your preference › Canned responses (the agent's own, with the company's
// presets in a read-only drawer) and on Admin › Canned responses (the presets): the list with
// search and filters, the editor dialog (emoji picker, "Insert variable", attachment with upload
// progress) and delete, which asks first. Everything goes through the JSON API.

import { api, errorMessage } from '../lib/api.js';
import { dialogForm } from '../lib/dialog-form.js';
import { $, closeOnBackdrop, el, svgIcon, userText } from '../lib/dom.js';
import { toast } from '../lib/flash.js';
import { fill, strings } from '../lib/strings.js';
import { emojiPicker, insertAtCaret } from './emoji.js';
import { fileSize, itemBody, shortDate } from './view.js';

const root = $('canned');
const t = strings(root);
const writePath = root.dataset.writePath;
const scope = root.dataset.scope;
const contentMax = Number(root.dataset.contentMax);
const captionMax = Number(root.dataset.captionMax);
const list = $('canned-list');
const status = $('canned-status');
const search = $('canned-search');
const tagFilter = $('canned-tag');
const fileFilter = $('canned-has-file');

const ICON_EDIT = 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4';
const ICON_DELETE = 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13';

let responses = [];
let knownTags = new Set();
let loadSeq = 0;

/** A search path of the list API. */
function listPath(params) {
  const query = new URLSearchParams({ limit: '500', ...params });
  return `/api/v1/canned-responses?${query}`;
}

function iconButton(label, path, className) {
  const b = el('button', `icon-btn ${className}`);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  b.append(svgIcon([path]));
  return b;
}

function renderTags() {
  const chosen = tagFilter.value;
  const first = tagFilter.options[0];
  tagFilter.replaceChildren(first);
  for (const tag of [...knownTags].sort((a, b) => a.localeCompare(b))) {
    const option = el('option', '', tag);
    option.value = tag;
    tagFilter.append(option);
  }
  tagFilter.value = knownTags.has(chosen) ? chosen : '';
}

function renderList() {
  list.replaceChildren();
  const filtered = search.value.trim() || tagFilter.value || fileFilter.checked;
  $('canned-empty').hidden = responses.length > 0 || filtered;
  for (const r of responses) {
    const item = el('li', 'canned-item');
    item.dataset.id = String(r.id);
    item.append(itemBody(r, t));
    const side = el('div', 'canned-item__side');
    side.append(el('span', 'canned-item__date muted', shortDate(r.updated_at)));
    const actions = el('div', 'canned-item__actions');
    const edit = iconButton(fill(t('edit-named'), { code: r.short_code }), ICON_EDIT, 'canned-edit');
    edit.addEventListener('click', () => openEditor(r));
    const del = iconButton(fill(t('delete-named'), { code: r.short_code }), ICON_DELETE, 'canned-delete icon-btn--danger');
    del.addEventListener('click', () => remove(r));
    actions.append(edit, del);
    side.append(actions);
    item.append(side);
    list.append(item);
  }
  if (!responses.length && filtered) list.append(el('li', 'canned-list__none muted', t('no-results')));
  status.textContent = filtered ? fill(t('count'), { count: responses.length }) : '';
}

async function load() {
  const seq = ++loadSeq;
  const params = { scope, q: search.value.trim() };
  if (tagFilter.value) params.tag = tagFilter.value;
  if (fileFilter.checked) params.has_attachment = 'true';
  list.setAttribute('aria-busy', 'true');
  const result = await api('GET', listPath(params));
  // A slower answer to an older search never replaces a newer one.
  if (seq !== loadSeq) return;
  list.setAttribute('aria-busy', 'false');
  if (!result.ok) {
    toast(errorMessage(result.data, t('network')), 'error');
    return;
  }
  responses = result.data;
  if (!params.q && !params.tag && !params.has_attachment) {
    knownTags = new Set(responses.flatMap((r) => r.tags));
    renderTags();
  }
  renderList();
}

let searchTimer = 0;
const searchSoon = () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(load, 120);
};
// `change` too: a field emptied by script or by the browser's own clear button.
search.addEventListener('input', searchSoon);
search.addEventListener('change', searchSoon);
tagFilter.addEventListener('change', load);
fileFilter.addEventListener('change', load);

async function remove(r) {
  if (!window.confirm(fill(t('confirm-delete'), { code: r.short_code }))) return;
  const result = await api('DELETE', `${writePath}/${r.id}`);
  if (!result.ok && result.status !== 404) {
    toast(errorMessage(result.data, t('network')), 'error');
    return;
  }
  toast(t('deleted'), 'success');
  await load();
}

// --- The editor ---
const dialog = $('canned-dialog');
const form = $('canned-form');
const editor = dialogForm({
  dialog,
  form,
  error: $('canned-form-error'),
  submit: $('canned-save'),
  cancel: $('canned-cancel'),
  focus: 'short_code',
  fieldFor: {
    short_code_taken: 'short_code',
    unknown_placeholder: 'content',
    file_too_large: 'file',
    unsupported_media_type: 'file',
  },
});
const content = $('canned-content');
const counter = $('canned-counter');
const fileInput = $('canned-file-input');
const fileCard = $('canned-file-card');
const progress = $('canned-file-progress');
let editing = null;
let chosenFile = null;
let removeFile = false;

const hasFile = () => Boolean(chosenFile || (editing?.attachment && !removeFile));

function updateCounter() {
  const max = hasFile() ? captionMax : contentMax;
  const count = [...content.value].length;
  counter.textContent = `${count.toLocaleString(document.documentElement.lang || undefined)} / ${max.toLocaleString(document.documentElement.lang || undefined)}`;
  counter.classList.toggle('is-over', count > max);
}

function showFile() {
  const existing = !removeFile && editing?.attachment;
  const thumb = $('canned-file-thumb');
  thumb.replaceChildren();
  thumb.className = 'canned-file__thumb';
  if (!chosenFile && !existing) {
    fileCard.hidden = true;
    $('canned-file-pick').hidden = false;
    updateCounter();
    return;
  }
  const name = chosenFile ? chosenFile.name : existing.filename;
  const size = chosenFile ? chosenFile.size : existing.size;
  const type = chosenFile ? chosenFile.type : existing.mime_type;
  $('canned-file-name').textContent = name;
  $('canned-file-meta').textContent = fileSize(size);
  if (type.startsWith('image/')) {
    const img = el('img');
    img.alt = '';
    img.src = chosenFile ? URL.createObjectURL(chosenFile) : existing.url;
    thumb.append(img);
    thumb.classList.add('canned-file__thumb--image');
  } else {
    thumb.textContent = (name.split('.').pop() || '').slice(0, 4).toUpperCase();
  }
  fileCard.hidden = false;
  $('canned-file-pick').hidden = true;
  updateCounter();
}

fileInput.addEventListener('change', () => {
  chosenFile = fileInput.files?.[0] ?? null;
  if (chosenFile) removeFile = false;
  editor.slot('file').textContent = '';
  showFile();
});
$('canned-file-remove').addEventListener('click', () => {
  if (chosenFile) chosenFile = null;
  else removeFile = true;
  fileInput.value = '';
  showFile();
  $('canned-file-pick').focus();
});
content.addEventListener('input', updateCounter);

function openEditor(r = null) {
  editing = r;
  chosenFile = null;
  removeFile = false;
  progress.hidden = true;
  editor.open((f) => {
    $('canned-dialog-title').textContent = r ? t('edit') : t('new');
    if (r) {
      f.elements.namedItem('short_code').value = r.short_code;
      content.value = r.content;
      f.elements.namedItem('tags').value = r.tags.join(', ');
    }
  });
  showFile();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const tags = editor.value('tags').split(',').map((s) => s.trim()).filter(Boolean);
  const fields = { short_code: editor.value('short_code'), content: content.value, tags };
  const method = editing ? 'PATCH' : 'POST';
  const path = editing ? `${writePath}/${editing.id}` : writePath;
  let result;
  if (chosenFile) {
    const data = new FormData();
    data.append('short_code', fields.short_code);
    data.append('content', fields.content);
    for (const tag of tags) data.append('tags', tag);
    data.append('file', chosenFile, chosenFile.name);
    progress.hidden = false;
    progress.value = 0;
    progress.removeAttribute('aria-valuetext');
    result = await editor.sendForm(method, path, data, (fraction) => {
      if (fraction === null) {
        progress.removeAttribute('value');
        return;
      }
      progress.value = fraction;
      progress.setAttribute('aria-valuetext', fill(t('uploading'), { percent: Math.round(fraction * 100) }));
    });
    progress.hidden = true;
  } else {
    const body = editing && removeFile ? { ...fields, remove_attachment: true } : fields;
    if (!editing && !body.tags.length) delete body.tags;
    result = await editor.send(method, path, body);
  }
  if (!result) return;
  editor.close();
  toast(t('saved'), 'success');
  await load();
});

$('canned-add').addEventListener('click', () => openEditor());

// "Insert variable": a menu button; a choice goes in at the caret.
const varOpen = $('canned-var-open');
const varMenu = $('canned-var-menu');
const items = () => [...varMenu.querySelectorAll('.menu__item')];
function closeVars(refocus) {
  varMenu.hidden = true;
  varOpen.setAttribute('aria-expanded', 'false');
  if (refocus) varOpen.focus();
}
varOpen.addEventListener('click', () => {
  const opening = varMenu.hidden;
  varMenu.hidden = !opening;
  varOpen.setAttribute('aria-expanded', String(opening));
  if (opening) items()[0]?.focus();
});
varMenu.addEventListener('click', (event) => {
  const item = event.target.closest('.menu__item');
  if (!item) return;
  closeVars(false);
  insertAtCaret(content, item.dataset.token);
});
varMenu.addEventListener('keydown', (event) => {
  const all = items();
  const at = all.indexOf(document.activeElement);
  const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
  if (go !== undefined) {
    event.preventDefault();
    all[(go + all.length) % all.length]?.focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    closeVars(true);
  }
});
document.addEventListener('pointerdown', (event) => {
  if (!varMenu.hidden && !varMenu.contains(event.target) && !varOpen.contains(event.target)) closeVars(false);
});
emojiPicker({ root: $('emoji-picker'), toggle: $('canned-emoji-open'), textarea: content });

// --- "Check presets": the company's presets, read-only, in a drawer ---
const drawer = $('canned-presets');
if (drawer) {
  const drawerList = $('canned-presets-list');
  const drawerSearch = $('canned-presets-search');
  let drawerSeq = 0;
  const loadPresets = async () => {
    const seq = ++drawerSeq;
    const result = await api('GET', listPath({ scope: 'company', q: drawerSearch.value.trim() }));
    if (seq !== drawerSeq || !result.ok) return;
    drawerList.replaceChildren();
    for (const r of result.data) {
      const item = el('li', 'canned-item canned-item--preset');
      item.append(itemBody(r, t, { full: true }));
      const meta = userText('p', 'canned-item__meta muted', fill(t('created-by'), { name: r.created_by.name, date: shortDate(r.created_at) }));
      item.querySelector('.canned-item__body').append(meta);
      drawerList.append(item);
    }
    $('canned-presets-empty').hidden = result.data.length > 0;
  };
  let drawerTimer = 0;
  drawerSearch.addEventListener('input', () => {
    clearTimeout(drawerTimer);
    drawerTimer = setTimeout(loadPresets, 120);
  });
  $('canned-presets-open').addEventListener('click', () => {
    drawer.showModal();
    drawerSearch.focus();
    loadPresets();
  });
  $('canned-presets-close').addEventListener('click', () => drawer.close());
  closeOnBackdrop(drawer);
}

load();
