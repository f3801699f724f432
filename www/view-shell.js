// The elements of one mounted view: notices, figure (canvas + text alternative), the controls'
// form and the tables under the figure; and the two things that fill them from the wasm view:
// the notices and the tables. No user text is ever put into innerHTML.
import { el, setRich, plainText } from './dom.js';
import { formatNotice } from './text.js';

/** The figure's height bounds in CSS pixels; on a screen, at most this share of its height. */
const MIN_HEIGHT = 200;
const MIN_HEIGHT_FIXED = 160;
const MAX_HEIGHT = 900;
/** On a phone the figure sticks to the top of the screen, so it leaves half for the controls. */
const MAX_SCREEN_SHARE = 0.8;
const MAX_PHONE_SHARE = 0.5;
const PHONE_WIDTH = 860;

/** The view's elements, not yet in the page. The notices and the progress line float over the
 * figure's top edge, so neither ever moves it (the next click lands where the student aimed). */
export function viewShell(info, texts, s) {
  const noticeText = el('div', 'tl-notice-text');
  const dismiss = el('button', { type: 'button', class: 'tl-icon tl-dismiss', 'aria-label': s.ui.dismiss_notices }, '×');
  const noticeBox = el('div', { class: 'tl-notices', role: 'status', 'aria-live': 'polite' }, noticeText, dismiss);
  noticeBox.hidden = true;
  dismiss.addEventListener('click', () => { noticeBox.hidden = true; });
  const canvas = el('canvas', { class: 'tl-canvas', role: 'img' });
  const caption = el('figcaption', 'tl-alt');
  const figure = el('figure', 'tl-figure', canvas, caption, noticeBox);
  const form = el('form', { class: 'tl-controls', 'aria-label': `${plainText(texts.title ?? info.id)}: ${s.ui.controls}` });
  form.addEventListener('submit', (e) => e.preventDefault());
  const steps = el('div', 'tl-steps-box');
  steps.hidden = true;
  const side = el('div', 'tl-side', steps, form);
  const tables = el('div', 'tl-tables');
  const body = el('div', 'tl-body', figure, side);
  const root = el('div', 'tl-view', body, tables);
  root.dataset.view = info.id;
  return { root, noticeBox, noticeText, figure, canvas, caption, form, steps, side, tables, body };
}

/** Shows `list` (notices from the wasm core or the page) as sentences in the page's language. */
export function showNotices(shell, list, s) {
  shell.noticeText.replaceChildren(...list.map((n) => el('p', 'tl-notice', formatNotice(n, s))));
  shell.noticeBox.hidden = list.length === 0;
}

/**
 * The "try this" list beside the figure: each step a button that sets its parameters (on top of
 * the view's defaults, so a link to a step shows the same figure) and a line on what to look at.
 * steps: [{ text, set: 'query', play: bool }]; go(n) applies step n (from 1).
 * Returns { select(n) } to mark the current step.
 */
export function renderSteps(box, steps, s, go) {
  box.replaceChildren();
  box.hidden = !steps?.length;
  if (!steps?.length) return { select() {} };
  const items = steps.map((step, i) => {
    const b = el('button', { type: 'button', class: 'tl-step-button', 'aria-label': s.ui.step_label(i + 1) }, String(i + 1));
    b.addEventListener('click', () => go(i + 1));
    return el('li', 'tl-step', b, setRich(el('span', 'tl-step-text'), step.text));
  });
  box.append(el('h3', 'tl-steps-title', s.ui.try_this), el('ol', 'tl-steps', ...items));
  return {
    select(n) {
      items.forEach((li, i) => {
        if (i + 1 === n) li.setAttribute('aria-current', 'step');
        else li.removeAttribute('aria-current');
      });
    },
  };
}

/** Renders the tables of a view's summary ({ tables: [{ id, columns, rows }] }); `format`
 * writes a number (the wasm formatter). */
export function renderTables(box, summary, texts, format) {
  box.replaceChildren();
  // a column is an id ("train_cost") or { id, arg }; the page words name it (texts.columns, a
  // string or a function of arg); the id stays when the view has no words for it
  const columnName = (c) => {
    const id = typeof c === 'string' ? c : c.id;
    const words = texts.columns?.[id];
    if (typeof words === 'function') return words(c.arg);
    return words ?? (typeof c === 'string' ? c : `${c.id} (${c.arg})`);
  };
  for (const t of summary.tables ?? []) {
    const head = el('tr', null, ...t.columns.map((c) => el('th', { scope: 'col' }, columnName(c))));
    // numbers through the one formatter the figures use (three significant digits, never a
    // misleading 0); text cells (row labels) as they are; null (a value the view does not have,
    // such as train's dev columns without a dev set) left empty
    const cell = (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? format(v) : String(v));
    // a first cell that is a string id is named by the page words (texts.rows), else kept
    const label = (v) => (typeof v === 'string' && typeof texts.rows?.[v] === 'string' ? texts.rows[v] : cell(v));
    const rows = t.rows.map((row) => el('tr', null, ...row.map((v, i) => el('td', null, i === 0 ? label(v) : cell(v)))));
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
  // the canvas's backing store matches its CSS box exactly (no border on the canvas), so a
  // figure is never resampled
  const cssWidth = Math.max(120, Math.round(canvas.clientWidth || figure.clientWidth || 640));
  // the host's height (an embedded frame), else the view's own for this width, within the screen
  const wanted = height ? height() : wasm.heightFor(cssWidth);
  const share = window.innerWidth <= PHONE_WIDTH ? MAX_PHONE_SHARE : MAX_SCREEN_SHARE;
  const top = height ? Infinity : Math.max(MIN_HEIGHT, window.innerHeight * share);
  const cssHeight = Math.round(Math.min(MAX_HEIGHT, top, Math.max(height ? MIN_HEIGHT_FIXED : MIN_HEIGHT, wanted)));
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
