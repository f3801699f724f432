// trainlab embed API: the one module both index.html and lecture notes use.
//
//   import { open } from './www/trainlab.js';
//   const h = await open(document.getElementById('fig'), 'ewma', { beta: [0.98], bias_correction: 1 });
//   h.set({ beta: [0.9, 0.5] }); h.params(); h.data(); h.svg(); h.destroy();
//
// open() loads only what its view needs (its wasm module, its words, the digits if it trains on
// them); init() + mount() is the synchronous form: `await init()` loads everything (or, with
// `{ lazy: true }`, only the catalogue, and `await load(id)` loads one view's parts).
// Several views can be mounted on one page; each handle owns its own wasm state and canvas.
import { provide, loadCatalog, loadModule, loadedModule, loadDigits, hasDigits } from './loader.js';
import { holds } from './controls.js';
import { buildControls } from './controls.js';
import { canvasPng } from './exports.js';
import { exportBar } from './export-bar.js';
import { strings, pickLang, loadViewTexts, hasViewTexts, LANGS } from './text.js';
import { viewShell, showNotices, renderTables, renderSteps, drawFigure } from './view-shell.js';
import { workLoop } from './work-loop.js';
import { loadExtension, extensionOf } from './views/index.js';
import { VIEW_CSS } from './view-css.js';

let started = null;
let CATALOG = null;

/**
 * Reads the catalogue of every view (once); resolves to it ({ views: [{ id, params, commands,
 * module, digits, stage }], reserved }). Unless `options.lazy`, it also loads every view's module
 * and words (then mount() works for any view at once). The single-file build passes
 * `{ wasm: { module: bytes }, digits: bytes, catalog }`.
 */
export function init(options = {}) {
  if (!started) {
    provide(options);
    started = loadCatalog().then((cat) => {
      CATALOG = cat;
      return cat;
    });
  }
  return options.lazy ? started : started.then(async (cat) => {
    await Promise.all(cat.views.map((v) => load(v.id)));
    return cat;
  });
}

/** The catalogue entry of view `id` (the first view for an unknown id). */
function entryOf(id) {
  const cat = requireInit();
  return cat.views.find((v) => v.id === id) ?? null;
}

/**
 * Loads what view `id` needs to be mounted: its wasm module, its words in `lang` (both languages
 * when none is given) and, when `params` make it train on the digits, the digits. Resolves when
 * mount() can show it.
 */
export async function load(id, lang, params) {
  await init({ lazy: true });
  const info = entryOf(id) ?? CATALOG.views[0];
  const parts = [loadModule(info.module), loadViewTexts([info.id], lang ? [lang] : undefined), loadExtension(info.id)];
  if (needsDigits(info, params)) parts.push(loadDigits(info.module));
  await Promise.all(parts);
  return info;
}

/** Whether view `info` with `params` (object or query) trains on the digits. */
function needsDigits(info, params) {
  if (!info.digits) return false;
  const values = Object.fromEntries(info.params.map((p) => [p.name, p.default]));
  for (const [k, v] of new URLSearchParams(toQuery(params))) if (k in values) values[k] = v;
  return holds(info.digits, values);
}

/** Loads view `id`'s parts (see load()) and mounts it (see mount()); resolves to its handle. */
export async function open(element, id, params = {}, options = {}) {
  await load(id, pickLang(options.lang), params);
  return mount(element, id, params, options);
}

let viewSheet = null;
/** Adopts the views' style sheet (www/view.css) into the document or the shadow root that holds
 * `element`, once per root: a host page links nothing, and the sheet's selectors all start at a
 * tl- class, so they style only views. */
function adoptStyles(element) {
  const root = element.getRootNode();
  const target = root instanceof ShadowRoot ? root : document;
  if (!viewSheet) {
    viewSheet = new CSSStyleSheet();
    viewSheet.replaceSync(VIEW_CSS);
  }
  if (!target.adoptedStyleSheets.includes(viewSheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, viewSheet];
}

function requireInit() {
  if (!CATALOG) throw new Error('trainlab: call and await init() (or use open()) before mount()');
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

/**
 * Mounts view `viewId` into `element` with `params` (object or query string).
 * options: { controls: true, exports: true, steps: true, hide: [names], lang: 'en' | 'ko'
 *            (default: the browser's), onChange(handle), onNotice(notices), onStep(handle, n),
 *            step: n (open at "try this" step n), link: (handle) => URL string,
 *            notices: [extra notices to show], height: () => CSS pixels (figure height) }
 * Returns a handle: set(params) -> notices, params(), query(), data(), svg(w, h), csv(), png(),
 * describe(), notices(), command(name, arg), work(), cancel(), resume(), finished(), destroy().
 */
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

  const glue = loadedModule(info.module);
  if (!glue || !hasViewTexts(info.id, lang)) {
    throw new Error(`trainlab: view ${info.id} is not loaded: await load('${info.id}') (or use open()) before mount()`);
  }
  const { ViewHandle, randomSeed, formatNumber } = glue;
  const wasm = new ViewHandle(info.id);
  const shell = viewShell(info, texts, s);
  const { root, canvas, caption, form, tables } = shell;
  adoptStyles(element);
  // compact: the figure beside a narrow column of the main controls, the rest behind one
  // button (slides, embedded frames); solo: the figure alone, full width
  if (options.layout === 'compact') root.classList.add('tl-compact-layout');
  element.append(root);

  let notices = [];
  let destroyed = false;
  const stats = { drawMs: [], inputToDrawMs: [] };

  // A view on a hidden slide or tab measures zero: it draws when it gets a size (the resize
  // observer below), not at a made-up one.
  let sizeless = false;
  function redraw() {
    if (destroyed) return undefined;
    if (shell.figure.clientWidth === 0) {
      sizeless = true;
      return undefined;
    }
    sizeless = false;
    const t0 = drawFigure(wasm, shell, lang, options.height);
    stats.drawMs.push(performance.now() - t0);
    return t0;
  }

  const controls = options.controls === false ? null : buildControls(form, info.params, texts, s, hidden, onInput, {
    randomSeed,
    compact: options.layout === 'compact',
    listHint: texts.window ? { beta: (i, d) => (d?.lines?.[i] ? texts.window(d.lines[i].window) : '') } : {},
  });
  if (!controls) {
    // controls="0": the figure alone, full width
    shell.side.hidden = true;
    shell.body.classList.add('tl-solo');
  }
  // Many controls: show each one's help only while it has focus (or is hovered), so the column
  // stays short; the help stays attached to its control for screen readers (aria-describedby).
  if (info.params.length > 10) form.classList.add('tl-compact');

  function refresh() {
    const summary = JSON.parse(wasm.summaryJson());
    const alt = wasm.describe(lang);
    canvas.setAttribute('aria-label', alt);
    caption.textContent = alt;
    renderTables(tables, summary, texts, formatNumber);
    controls?.update(JSON.parse(wasm.paramsJson()), summary);
  }

  const work = workLoop(wasm, s, {
    redraw: () => { refresh(); redraw(); },
    onDone: () => root.dispatchEvent(new CustomEvent('trainlab:done', { bubbles: true, detail: { view: info.id } })),
  });
  shell.figure.append(work.box);

  function apply(query, eventTime) {
    // A change that makes the view train on the digits (train's dataset=digits) waits for them:
    // they are fetched now, the first time, and the change is applied when they are here.
    if (info.digits && !hasDigits(info.module)) {
      const params = { ...JSON.parse(wasm.paramsJson()) };
      for (const [k, v] of new URLSearchParams(query)) params[k] = v;
      if (holds(info.digits, params)) {
        loadDigits(info.module).then(() => { if (!destroyed) apply(query, eventTime); });
        return [];
      }
    }
    const list = JSON.parse(wasm.set(query));
    notices = [...pageNotices.splice(0), ...list];
    refresh();
    redraw();
    if (eventTime !== undefined) stats.inputToDrawMs.push(performance.now() - eventTime);
    showNotices(shell, notices, s);
    if (notices.length) options.onNotice?.(notices);
    options.onChange?.(handle);
    root.dispatchEvent(new CustomEvent('trainlab:drawn', { bubbles: true, detail: { view: info.id } }));
    work.restart();
    return notices;
  }

  function onInput(name, text, eventTime) {
    apply(`${encodeURIComponent(name)}=${encodeURIComponent(text).replace(/%2C/g, ',')}`, eventTime);
  }

  const link = () => (options.link ? options.link(handle) : `${LAB_URL.href}?view=${info.id}&${wasm.query()}`);

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  observer.observe(shell.figure);

  // Many views on one page stay light: a view off screen, or in a hidden tab, does no long work
  // (it resumes where it stopped when it is seen again).
  let offscreen = false;
  const suspend = () => work.suspend(offscreen || document.visibilityState === 'hidden');
  const seen = new IntersectionObserver((entries) => {
    offscreen = !entries[entries.length - 1].isIntersecting;
    suspend();
    if (!offscreen && sizeless) redraw();
  });
  seen.observe(root);
  document.addEventListener('visibilitychange', suspend);

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
        showNotices(shell, notices, s);
        options.onNotice?.(notices);
        return null;
      }
      // Queries and background actions (handing a job to a worker, taking in its result) change
      // nothing shown at once: the registry says which (the work loop redraws when work moves).
      const kind = info.commands?.find((c) => c.name === name)?.kind;
      if (kind !== 'action') return out.result;
      refresh();
      redraw();
      work.start();
      return out.result;
    },
    svg(width = 760, height = 440) { return wasm.svg(width, height, lang); },
    csv() { return wasm.csv(); },
    png() { return canvasPng(canvas); },
    describe() { return wasm.describe(lang); },
    lang,
    notices() { return notices.slice(); },
    /** { running, paused, progress: {done, total} | null } of the view's long work. */
    work() { return work.state(); },
    /** Stops the long work after the current frame (resume() continues where it stopped). */
    cancel() { work.cancel(); },
    resume() { work.resume(); },
    /** Resolves when the long work is complete (at once when there is none). */
    finished() { return work.finished(); },
    link,
    redraw,
    stats,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      work.destroy();
      extension?.destroy?.();
      observer.disconnect();
      seen.disconnect();
      document.removeEventListener('visibilitychange', suspend);
      cancelAnimationFrame(frame);
      root.remove();
      wasm.free();
    },
  };
  if (options.exports !== false) root.insertBefore(exportBar(handle, s, link), tables);

  // "Try this": each step sets its parameters over the view's defaults (and presses play where
  // the view has long work), so a link to a step shows what its words describe.
  const steps = options.steps === false || options.controls === false ? null : texts.steps;
  const defaults = info.params.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p.default).replace(/%2C/g, ',')}`).join('&');
  const stepList = renderSteps(shell.steps, steps, s, (n) => {
    const step = steps[n - 1];
    apply(`${defaults}&${toQuery(step.set ?? '')}`);
    if (step.play && info.commands?.some((c) => c.name === 'play')) handle.command('play');
    stepList.select(n);
    options.onStep?.(handle, n);
  });

  apply(toQuery(params));
  const given = new URLSearchParams(toQuery(params));
  if (steps && options.step >= 1 && options.step <= steps.length) {
    // A teacher's link to a step (?view=ewma&step=3) opens at that step; a share link that
    // carries the parameters too shows exactly those, with the step marked.
    if (info.params.some((p) => given.has(p.name))) stepList.select(options.step);
    else shell.steps.querySelectorAll('.tl-step-button')[options.step - 1].click();
  }
  extension = extensionOf(info.id)?.attach({
    handle, root, figure: shell.figure, canvas, form, apply: (q) => apply(q), strings: s, texts, info, formatNumber,
  }) ?? null;
  return handle;
}

/**
 * <trainlab-view view="ewma" beta="0.98" bias_correction="1"></trainlab-view>
 * Attributes are the view's parameters (plus `hide`, `lang`, `controls="0"`, `exports="0"`,
 * `layout="full"` for the page's layout instead of the compact one for slides). The view lives in
 * the element's shadow root, with its own styles: the host's theme does not restyle it and its
 * styles do not leak. Changing an attribute re-renders; a change made in the view (a slider, a
 * click on the figure) is written back to the attributes and fires a `change` event, so a host can
 * read or save the state. Unknown attributes and bad values behave like bad URL parameters: a
 * notice in the element and a fallback.
 */
const ELEMENT_OPTIONS = new Set(['view', 'hide', 'lang', 'controls', 'exports', 'layout', 'class', 'style', 'id', 'title', 'slot']);
const RENDER_OPTIONS = ['view', 'hide', 'lang', 'controls', 'exports', 'layout'];

export class TrainlabView extends HTMLElement {
  connectedCallback() {
    if (!this.#shadow) {
      this.#shadow = this.attachShadow({ mode: 'open' });
      this.#box = document.createElement('div');
      this.#shadow.append(this.#box);
    }
    this.#render();
    this.#observer = new MutationObserver((records) => {
      if (this.#reflecting) return;
      const names = records.map((r) => r.attributeName);
      if (names.some((n) => RENDER_OPTIONS.includes(n))) this.#render();
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
  #shadow = null;
  #box = null;
  #reflecting = false;

  #paramQuery(only) {
    const q = new URLSearchParams();
    for (const a of this.attributes) {
      if (ELEMENT_OPTIONS.has(a.name) || a.name.startsWith('data-') || a.name.startsWith('aria-')) continue;
      if (only && !only.includes(a.name)) continue;
      q.set(a.name, a.value);
    }
    return q.toString().replace(/%2C/g, ',');
  }

  /** Writes the view's parameters back to the attributes (those that differ from the defaults,
   * and those the host set) and tells the host. */
  #reflect(h) {
    const info = CATALOG.views.find((v) => v.id === h.viewId);
    const current = new URLSearchParams(h.query());
    this.#reflecting = true;
    for (const p of info?.params ?? []) {
      const value = current.get(p.name);
      if (value === null) continue;
      if (this.hasAttribute(p.name) || value !== p.default) {
        if (this.getAttribute(p.name) !== value) this.setAttribute(p.name, value);
      }
    }
    // the observer's records of our own writes are dropped before it runs again
    this.#observer?.takeRecords();
    this.#reflecting = false;
    this.dispatchEvent(new CustomEvent('change', { bubbles: true, detail: { view: h.viewId, query: h.query() } }));
  }

  async #render() {
    const attr = (n) => this.getAttribute(n);
    await load(attr('view') ?? '', pickLang(attr('lang') ?? undefined), this.#paramQuery());
    if (!this.isConnected) return;
    this.#handle?.destroy();
    let first = true;
    this.#handle = mount(this.#box, attr('view') ?? '', this.#paramQuery(), {
      hide: (attr('hide') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
      lang: attr('lang') ?? undefined,
      controls: attr('controls') !== '0',
      exports: attr('exports') !== '0',
      layout: attr('layout') === 'full' ? 'full' : 'compact',
      onChange: (h) => {
        // the first draw only reads the attributes: nothing to write back yet
        if (first) { first = false; return; }
        this.#reflect(h);
      },
    });
    this.dispatchEvent(new CustomEvent('trainlab:ready', { bubbles: true }));
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('trainlab-view')) {
  customElements.define('trainlab-view', TrainlabView);
}
