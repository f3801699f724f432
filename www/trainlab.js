// trainlab embed API: the one module both index.html and lecture notes use.
//
//   import { init, mount } from './www/trainlab.js';
//   await init();
//   const h = mount(document.getElementById('fig'), 'ewma', { beta: [0.98], bias_correction: 1 });
//   h.set({ beta: [0.9, 0.5] }); h.params(); h.data(); h.svg(); h.destroy();
//
// Several views can be mounted on one page; each handle owns its own wasm state and canvas.
import initWasm, { ViewHandle, catalog, randomSeed } from '../pkg/trainlab_wasm.js';
import { buildControls } from './controls.js';
import { saveText, saveBlob, canvasPng, copyText } from './exports.js';
import { strings, formatNotice, pickLang, LANGS } from './text.js';
import { EXTENSIONS } from './views/index.js';

let started = null;
let CATALOG = null;

/** Loads the wasm module once; resolves to the catalogue { views: [{id, params}], reserved }. */
export function init(options = {}) {
  if (!started) {
    const arg = options.wasm ? { module_or_path: options.wasm } : undefined;
    started = initWasm(arg).then(() => {
      CATALOG = JSON.parse(catalog());
      return CATALOG;
    });
  }
  return started;
}

function requireInit() {
  if (!CATALOG) throw new Error('trainlab: call and await init() before mount()');
  return CATALOG;
}

/** The registered views: [{ id, params: [spec] }]. */
export function views() {
  return requireInit().views;
}

/** The URL of the full lab page next to this module (the page itself in the single-file build,
 * where modules are data: URLs). */
export const LAB_URL = (() => {
  try {
    if (!import.meta.url.startsWith('data:')) return new URL('../index.html', import.meta.url);
  } catch { /* fall through */ }
  return new URL(location.href.split(/[?#]/)[0]);
})();

/** Params as a query string: accepts a query string or an object (lists become a,b,c). */
export function toQuery(params) {
  if (!params) return '';
  if (typeof params === 'string') return params.replace(/^\?/, '');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return q.toString().replace(/%2C/g, ',');
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderTables(box, data, texts) {
  box.replaceChildren();
  for (const t of data.tables ?? []) {
    const table = el('table', 'tl-table');
    table.append(el('caption', null, texts.tables?.[t.id] ?? t.id));
    const head = el('tr');
    for (const c of t.columns) {
      const th = el('th', null, c);
      th.scope = 'col';
      head.append(th);
    }
    table.append(el('thead'));
    table.tHead.append(head);
    const body = el('tbody');
    for (const row of t.rows) {
      const tr = el('tr');
      // null: a value the view does not have (train's dev columns without a dev set), left empty
      row.forEach((v, i) => tr.append(el('td', null, v === null ? '' : i === 0 ? String(v) : (+v.toFixed(4)).toString())));
      body.append(tr);
    }
    table.append(body);
    box.append(table);
  }
}

/**
 * Mounts view `viewId` into `element` with `params` (object or query string).
 * options: { controls: true, exports: true, hide: [names], lang: 'en' | 'ko' (default: the
 *            browser's), onChange(handle), onNotice(notices), link: (handle) => URL string,
 *            notices: [extra notices to show], height: () => CSS pixels (figure height) }
 * Returns a handle: set(params) -> notices, params(), query(), data(), svg(w, h), csv(), png(),
 * describe(), notices(), destroy().
 */
/** Least time between two redraws while a view's long work runs off the main thread (ms). */
const OFF_THREAD_REDRAW_MS = 250;

export function mount(element, viewId, params = {}, options = {}) {
  const cat = requireInit();
  const pageNotices = [];
  const lang = pickLang(options.lang);
  if (options.lang && !LANGS[options.lang]) {
    pageNotices.push({ param: 'lang', problem: 'unknown_lang', given: String(options.lang), used: lang, detail: '' });
  }
  const s = strings(lang);
  pageNotices.push(...(options.notices ?? []));
  let info = cat.views.find((v) => v.id === viewId);
  if (!info) {
    info = cat.views[0];
    pageNotices.push({ param: 'view', problem: 'unknown_view', given: String(viewId), used: info.id, detail: '' });
  }
  const texts = s.views[info.id] ?? { params: {} };
  const hidden = new Set();
  for (const name of options.hide ?? []) {
    if (info.params.some((p) => p.name === name)) hidden.add(name);
    else pageNotices.push({ param: 'hide', problem: 'unknown_hide', given: String(name), used: '', detail: '' });
  }

  const wasm = new ViewHandle(info.id);
  const root = el('div', 'tl-view');
  root.dataset.view = info.id;
  const noticeBox = el('div', 'tl-notices');
  noticeBox.setAttribute('role', 'status');
  noticeBox.setAttribute('aria-live', 'polite');
  const figure = el('figure', 'tl-figure');
  const canvas = el('canvas', 'tl-canvas');
  canvas.setAttribute('role', 'img');
  const caption = el('figcaption', 'tl-alt');
  figure.append(canvas, caption);
  const form = el('form', 'tl-controls');
  form.setAttribute('aria-label', `${texts.title ?? info.id}: ${s.ui.controls}`);
  form.addEventListener('submit', (e) => e.preventDefault());
  const tables = el('div', 'tl-tables');
  const progressBox = el('div', 'tl-progress');
  const progressBar = el('progress');
  const progressText = el('span', 'tl-progress-text');
  const progressButton = el('button', 'tl-button');
  progressButton.type = 'button';
  progressBar.max = 1;
  progressBar.value = 0;
  progressBar.setAttribute('aria-label', s.ui.progress_label);
  progressBox.append(progressBar, progressText, progressButton);
  progressBox.hidden = true;
  const body = el('div', 'tl-body');
  body.append(figure, form);
  root.append(noticeBox, progressBox, body, tables);
  element.append(root);

  let notices = [];
  let destroyed = false;
  const stats = { drawMs: [], inputToDrawMs: [] };

  function showNotices(list) {
    noticeBox.replaceChildren();
    for (const n of list) {
      const p = el('p', 'tl-notice', formatNotice(n, s));
      noticeBox.append(p);
    }
    noticeBox.hidden = list.length === 0;
  }

  function redraw() {
    if (destroyed) return;
    const t0 = performance.now();
    const cssWidth = Math.max(280, Math.round(figure.clientWidth || 640));
    const wanted = options.height ? options.height() : cssWidth * 0.58;
    const cssHeight = Math.round(Math.min(520, Math.max(options.height ? 160 : 240, wanted)));
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    const w = Math.round(cssWidth * dpr);
    const h = Math.round(cssHeight * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.height = `${cssHeight}px`;
    }
    wasm.draw(canvas, dpr, lang);
    stats.drawMs.push(performance.now() - t0);
    return t0;
  }

  const controls = options.controls === false ? null : buildControls(form, info.params, texts, s, hidden, onInput, {
    randomSeed,
    listHint: texts.window ? { beta: (i, d) => (d?.lines?.[i] ? texts.window(d.lines[i].window) : '') } : {},
  });
  if (!controls) form.hidden = true;
  // Many controls: show each one's help only while it has focus (or is hovered), so the column
  // stays short; the help stays attached to its control for screen readers (aria-describedby).
  if (info.params.length > 10) form.classList.add('tl-compact');

  function refresh() {
    const summary = JSON.parse(wasm.summaryJson());
    const alt = wasm.describe(lang);
    canvas.setAttribute('aria-label', alt);
    caption.textContent = alt;
    renderTables(tables, summary, texts);
    controls?.update(JSON.parse(wasm.paramsJson()), summary);
  }

  // Long work (training runs, studies): a little per animation frame, with the amount adapted so
  // each call takes about 8 ms, a progress bar, and cancel/resume. The work lives in the wasm
  // model, so pausing loses nothing and a parameter change simply starts a new job.
  const work = { units: 1, frame: 0, running: false, paused: false, progress: null, waiters: [], stale: false, drawnAt: 0, shown: '' };
  function showProgress() {
    const p = work.progress;
    // Touch the DOM only when something shown changes: an unchanged write still costs a style
    // and layout pass every frame, on the core that Web Workers need.
    const key = p ? `${p.done}/${p.total}/${work.paused}` : '';
    if (key === work.shown) return;
    work.shown = key;
    progressBox.hidden = !p;
    if (!p) return;
    progressBar.value = p.total ? p.done / p.total : 1;
    progressText.textContent = s.ui.progress(p.done, p.total);
    const finished = p.done >= p.total;
    progressButton.hidden = finished;
    progressButton.textContent = work.paused ? s.ui.resume : s.ui.cancel;
  }
  function settle() {
    for (const resolve of work.waiters.splice(0)) resolve(work.progress);
  }
  function tick() {
    if (destroyed || work.paused) {
      work.running = false;
      return;
    }
    const t0 = performance.now();
    const before = work.progress;
    work.progress = JSON.parse(wasm.advance(work.units));
    const dt = performance.now() - t0;
    if (dt < 4) work.units = Math.min(work.units * 2, 1 << 20);
    else if (dt > 8) work.units = Math.max(1, Math.floor(work.units / 2));
    // Redraw only when the work moved. When the call did next to nothing (the view's work runs
    // in Web Workers and only their results move it), redraw at most every OFF_THREAD_REDRAW_MS:
    // a redraw takes the main thread and with it a core the workers need.
    if (before?.done !== work.progress?.done || before?.total !== work.progress?.total) work.stale = true;
    const finishedNow = !work.progress || work.progress.done >= work.progress.total;
    if (work.stale && (finishedNow || dt >= 1 || t0 - work.drawnAt >= OFF_THREAD_REDRAW_MS)) {
      work.stale = false;
      work.drawnAt = t0;
      refresh();
      redraw();
    }
    showProgress();
    if (!work.progress || work.progress.done >= work.progress.total) {
      work.running = false;
      settle();
      root.dispatchEvent(new CustomEvent('trainlab:done', { bubbles: true, detail: { view: info.id } }));
      return;
    }
    work.frame = requestAnimationFrame(tick);
  }
  function startWork() {
    work.progress = JSON.parse(wasm.advance(0));
    showProgress();
    if (!work.progress || work.progress.done >= work.progress.total) {
      settle();
      return;
    }
    if (!work.running && !work.paused) {
      work.running = true;
      work.frame = requestAnimationFrame(tick);
    }
  }
  progressButton.addEventListener('click', () => {
    work.paused = !work.paused;
    if (work.paused) cancelAnimationFrame(work.frame);
    else startWork();
    showProgress();
  });

  function apply(query, eventTime) {
    const list = JSON.parse(wasm.set(query));
    notices = [...pageNotices.splice(0), ...list];
    refresh();
    redraw();
    if (eventTime !== undefined) stats.inputToDrawMs.push(performance.now() - eventTime);
    showNotices(notices);
    if (notices.length) options.onNotice?.(notices);
    options.onChange?.(handle);
    root.dispatchEvent(new CustomEvent('trainlab:drawn', { bubbles: true, detail: { view: info.id } }));
    work.paused = false;
    startWork();
    return notices;
  }

  function onInput(name, text, eventTime) {
    apply(`${encodeURIComponent(name)}=${encodeURIComponent(text).replace(/%2C/g, ',')}`, eventTime);
  }

  const link = () => (options.link ? options.link(handle) : `${LAB_URL.href}?view=${info.id}&${wasm.query()}`);
  if (options.exports !== false) {
    const bar = el('div', 'tl-exports');
    const status = el('span', 'tl-export-status');
    status.setAttribute('role', 'status');
    const button = (label, fn) => {
      const b = el('button', 'tl-button', label);
      b.type = 'button';
      b.addEventListener('click', fn);
      bar.append(b);
      return b;
    };
    const base = () => `trainlab-${info.id}`;
    button(s.ui.copy_link, async () => {
      const url = link();
      status.textContent = (await copyText(url)) ? s.ui.link_copied : `${s.ui.link_ready} ${url}`;
    });
    bar.append(el('span', 'tl-export-label', `${s.ui.downloads}:`));
    button(s.ui.download_svg, () => saveText(handle.svg(), `${base()}.svg`, 'image/svg+xml'));
    button(s.ui.download_png, async () => saveBlob(await handle.png(), `${base()}.png`));
    button(s.ui.download_csv, () => saveText(handle.csv(), `${base()}.csv`, 'text/csv'));
    button(s.ui.download_json, () =>
      saveText(JSON.stringify({ view: info.id, params: handle.params(), data: handle.data() }, null, 1), `${base()}.json`, 'application/json'));
    bar.append(status);
    root.insertBefore(bar, tables);
  }

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  observer.observe(figure);

  let extension = null;
  const handle = {
    element: root,
    get viewId() { return info.id; },
    set(p) { return apply(toQuery(p)); },
    params() { return JSON.parse(wasm.paramsJson()); },
    query() { return wasm.query(); },
    data() { return JSON.parse(wasm.dataJson()); },
    /**
     * Runs a view action that is not a parameter (upload, click, checkpoint, a worker's result).
     * Returns its result, or null after showing the notices (the view is then unchanged).
     */
    command(name, arg = '') {
      const out = JSON.parse(wasm.command(name, typeof arg === 'string' ? arg : JSON.stringify(arg)));
      if (out.notices) {
        notices = out.notices;
        showNotices(notices);
        options.onNotice?.(notices);
        return null;
      }
      // Queries and background actions (handing a job to a worker, taking in its result) change
      // nothing shown at once: the registry says which (the work loop redraws when work moves).
      const kind = info.commands?.find((c) => c.name === name)?.kind;
      if (kind !== 'action') return out.result;
      refresh();
      redraw();
      startWork();
      return out.result;
    },
    svg(width = 760, height = 440) { return wasm.svg(width, height, lang); },
    csv() { return wasm.csv(); },
    png() { return canvasPng(canvas); },
    describe() { return wasm.describe(lang); },
    lang,
    notices() { return notices.slice(); },
    /** { running, paused, progress: {done, total} | null } of the view's long work. */
    work() { return { running: work.running, paused: work.paused, progress: work.progress }; },
    /** Stops the long work after the current frame (resume() continues where it stopped). */
    cancel() { work.paused = true; cancelAnimationFrame(work.frame); work.running = false; showProgress(); },
    resume() { work.paused = false; startWork(); showProgress(); },
    /** Resolves when the long work is complete (at once when there is none). */
    finished() {
      const p = work.progress;
      if (!p || p.done >= p.total) return Promise.resolve(p);
      return new Promise((resolve) => work.waiters.push(resolve));
    },
    link,
    redraw,
    stats,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelAnimationFrame(work.frame);
      settle();
      extension?.destroy?.();
      observer.disconnect();
      cancelAnimationFrame(frame);
      root.remove();
      wasm.free();
    },
  };
  apply(toQuery(params));
  extension = EXTENSIONS[info.id]?.attach({
    handle, root, figure, canvas, form, apply: (q) => apply(q), strings: s, texts,
  }) ?? null;
  return handle;
}

/**
 * <trainlab-view view="ewma" beta="0.98" bias_correction="1"></trainlab-view>
 * Attributes are the view's parameters (plus `hide`, `lang`, `controls="0"`, `exports="0"`);
 * changing an attribute re-renders. Unknown attributes and bad values behave like bad URL
 * parameters: a notice in the element and a fallback.
 */
const ELEMENT_OPTIONS = new Set(['view', 'hide', 'lang', 'controls', 'exports', 'class', 'style', 'id', 'title']);

export class TrainlabView extends HTMLElement {
  connectedCallback() {
    this.#render();
    this.#observer = new MutationObserver((records) => {
      const names = records.map((r) => r.attributeName);
      if (names.some((n) => ['view', 'hide', 'lang', 'controls', 'exports'].includes(n))) this.#render();
      else this.#handle?.set(this.#paramQuery(names));
    });
    this.#observer.observe(this, { attributes: true });
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#handle?.destroy();
    this.#handle = null;
  }

  /** The mounted handle (see mount()), or null before init() has finished. */
  get handle() {
    return this.#handle;
  }

  #handle = null;
  #observer = null;

  #paramQuery(only) {
    const q = new URLSearchParams();
    for (const a of this.attributes) {
      if (ELEMENT_OPTIONS.has(a.name) || a.name.startsWith('data-') || a.name.startsWith('aria-')) continue;
      if (only && !only.includes(a.name)) continue;
      q.set(a.name, a.value);
    }
    return q.toString().replace(/%2C/g, ',');
  }

  async #render() {
    await init();
    if (!this.isConnected) return;
    this.#handle?.destroy();
    const attr = (n) => this.getAttribute(n);
    this.#handle = mount(this, attr('view') ?? '', this.#paramQuery(), {
      hide: (attr('hide') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
      lang: attr('lang') ?? undefined,
      controls: attr('controls') !== '0',
      exports: attr('exports') !== '0',
    });
    this.dispatchEvent(new CustomEvent('trainlab:ready', { bubbles: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('trainlab-view')) {
  customElements.define('trainlab-view', TrainlabView);
}
