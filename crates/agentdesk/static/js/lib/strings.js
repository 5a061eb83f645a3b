// The page's strings: every visible sentence is rendered by the server (Fluent, in the user's
// language) into `data-t-*` attributes; scripts only read them and fill their `%slots%`.

/** A reader of the strings `root` carries: `t('window-open')` reads `data-t-window-open`. */
export function strings(root) {
  return (key) => {
    const name = `t${key.replace(/(^|-)([a-z])/g, (_, _dash, c) => c.toUpperCase())}`;
    return root?.dataset[name] ?? '';
  };
}

/** Fills the `%name%` slots of a translated sentence. The result goes into textContent only. */
export function fill(text, values) {
  return text.replace(/%([a-z_]+)%/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
