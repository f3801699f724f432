// The elements of one mounted view: notices, figure (canvas + text alternative), the controls'
// form and the tables under the figure; and the two things that fill them from the wasm view:
// the notices and the tables. No user text is ever put into innerHTML.
import { el } from './dom.js';
import { formatNotice } from './text.js';

/** The figure's height bounds in CSS pixels. */
const MIN_HEIGHT = 240;
const MIN_HEIGHT_FIXED = 160;
const MAX_HEIGHT = 520;
/** Height over width of the figure when the host does not set one. */
const ASPECT = 0.58;

/** The view's elements, not yet in the page. */
export function viewShell(info, texts, s) {
  const noticeBox = el('div', { class: 'tl-notices', role: 'status', 'aria-live': 'polite' });
  const canvas = el('canvas', { class: 'tl-canvas', role: 'img' });
  const caption = el('figcaption', 'tl-alt');
  const figure = el('figure', 'tl-figure', canvas, caption);
  const form = el('form', { class: 'tl-controls', 'aria-label': `${texts.title ?? info.id}: ${s.ui.controls}` });
  form.addEventListener('submit', (e) => e.preventDefault());
  const tables = el('div', 'tl-tables');
  const body = el('div', 'tl-body', figure, form);
  const root = el('div', 'tl-view', noticeBox, body, tables);
  root.dataset.view = info.id;
  return { root, noticeBox, figure, canvas, caption, form, tables, body };
}

/** Shows `list` (notices from the wasm core or the page) as sentences in the page's language. */
export function showNotices(box, list, s) {
  box.replaceChildren(...list.map((n) => el('p', 'tl-notice', formatNotice(n, s))));
  box.hidden = list.length === 0;
}

/** Renders the tables of a view's summary ({ tables: [{ id, columns, rows }] }). */
export function renderTables(box, summary, texts) {
  box.replaceChildren();
  for (const t of summary.tables ?? []) {
    const head = el('tr', null, ...t.columns.map((c) => el('th', { scope: 'col' }, c)));
    const rows = t.rows.map((row) => el('tr', null,
      ...row.map((v, i) => el('td', null, i === 0 ? String(v) : (+v.toFixed(4)).toString()))));
    box.append(el('table', 'tl-table',
      el('caption', null, texts.tables?.[t.id] ?? t.id),
      el('thead', null, head),
      el('tbody', null, ...rows)));
  }
}

/**
 * Draws the view on its canvas at the figure's width (and `height()` CSS pixels when the host
 * gives one), at the device-pixel ratio. Returns the time it started (for the input-to-draw stats).
 */
export function drawFigure(wasm, shell, lang, height) {
  const t0 = performance.now();
  const { canvas, figure } = shell;
  const cssWidth = Math.max(280, Math.round(figure.clientWidth || 640));
  const wanted = height ? height() : cssWidth * ASPECT;
  const cssHeight = Math.round(Math.min(MAX_HEIGHT, Math.max(height ? MIN_HEIGHT_FIXED : MIN_HEIGHT, wanted)));
  const dpr = Math.min(3, window.devicePixelRatio || 1);
  const w = Math.round(cssWidth * dpr);
  const h = Math.round(cssHeight * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.height = `${cssHeight}px`;
  }
  wasm.draw(canvas, dpr, lang);
  return t0;
}
