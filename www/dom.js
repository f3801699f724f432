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

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const MATH_RE = /(<math[\s>][\s\S]*?<\/math>)/;

/**
 * Fills `node` with `text`, our own words from www/text (never user input), where the build
 * turned formulas into <math> elements (scripts/math.mjs): the prose becomes text nodes, each
 * formula is parsed as XML in the MathML namespace (inert: no script, no style, no HTML parser)
 * and imported. Returns `node`.
 */
export function setRich(node, text) {
  node.replaceChildren();
  for (const part of String(text ?? '').split(MATH_RE)) {
    if (!part) continue;
    if (!part.startsWith('<math')) {
      node.append(part);
      continue;
    }
    const xml = part.replace(/^<math(?![^>]*xmlns)/, `<math xmlns="${MATHML_NS}"`);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const math = doc.documentElement;
    if (math.namespaceURI === MATHML_NS && math.localName === 'math') node.append(document.importNode(math, true));
    else node.append(part.replace(/<[^>]*>/g, ''));
  }
  return node;
}

/** `text` without its formulas' markup (for titles, aria labels and the document title). */
export function plainText(text) {
  return String(text ?? '').replace(/<math[\s\S]*?<\/math>/g, (m) => m.replace(/<annotation[\s\S]*?<\/annotation>/g, '').replace(/<[^>]*>/g, ''));
}

/**
 * Where a pointer event lands on `element`, in the element's own CSS pixels: the offset from its
 * box divided by the scale a host applies (a reveal.js slide scaled to the window, a CSS
 * transform), so a click lands on the point under the pointer at any zoom.
 * Returns { x, y, width, height } (width and height unscaled).
 */
export function localPoint(element, event) {
  const r = element.getBoundingClientRect();
  const width = element.offsetWidth || r.width || 1;
  const height = element.offsetHeight || r.height || 1;
  const sx = r.width / width || 1;
  const sy = r.height / height || 1;
  return { x: (event.clientX - r.left) / sx, y: (event.clientY - r.top) / sy, width, height };
}
