// Element helpers shared by the shell and the per-view extensions. Text goes in as text nodes or
// textContent, never as HTML, so nothing a user typed can become markup.

/**
 * An element `tag` with attributes and children.
 * attrs: a class name (string), or { class, text, [attribute]: value } (false/null/undefined
 * attributes are skipped, true sets an empty attribute); children: nodes or strings (text).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  if (typeof attrs === 'string') {
    if (attrs) node.className = attrs;
  } else if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) if (c !== undefined && c !== null && c !== false) node.append(c);
  return node;
}

/** A `type="button"` button with a class, a label and a click handler. */
export function button(cls, label, onClick) {
  const b = el('button', { class: cls, type: 'button' }, label);
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** The element with id `id` in the page. */
export const byId = (id) => document.getElementById(id);
