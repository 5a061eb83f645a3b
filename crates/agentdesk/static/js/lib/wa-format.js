// WhatsApp's text formatting (*bold*, _italic_, ~strike~, ```mono```) and clickable web links,
// built as elements and text nodes so message text is never parsed as HTML.

const PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])|```([^`]+)```|(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,;:!?)])|(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])|(^|[\s(])~([^~\n]+)~(?=$|[\s.,;:!?)])/g;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

/** Appends `text` to `parent`, formatted as WhatsApp shows it. */
export function appendFormatted(parent, text) {
  const source = String(text ?? '');
  let last = 0;
  for (const match of source.matchAll(PATTERN)) {
    const lead = match[3] ?? match[5] ?? match[7] ?? '';
    const start = match.index + lead.length;
    parent.append(document.createTextNode(source.slice(last, start)));
    if (match[1]) {
      const link = element('a', 'bubble__link', match[1]);
      link.href = match[1];
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      parent.append(link);
    } else if (match[2] !== undefined) {
      parent.append(element('code', 'bubble__mono', match[2]));
    } else if (match[4] !== undefined) {
      parent.append(element('strong', null, match[4]));
    } else if (match[6] !== undefined) {
      parent.append(element('em', null, match[6]));
    } else if (match[8] !== undefined) {
      parent.append(element('s', null, match[8]));
    }
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(source.slice(last)));
}

/** `rtl` or `ltr` by the first letter of `text` (as `dir="auto"` decides), or '' (the page's)
 * when it has none. */
export function textDirection(text) {
  const first = /\p{L}/u.exec(text || '');
  if (!first) return '';
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(first[0]) ? 'rtl' : 'ltr';
}
