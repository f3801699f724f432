// trainlab embed API: the one module both index.html and lecture notes use.
//
//   import { init, mount } from './www/trainlab.js';
//   await init();
//   const h = mount(document.getElementById('fig'), 'ewma', { beta: [0.98], bias_correction: 1 });
//   h.set({ beta: [0.9, 0.5] }); h.params(); h.data(); h.svg(); h.destroy();
//
// Several views can be mounted on one page; each handle owns its own wasm state and canvas.
import initWasm, { ViewHandle, catalog, randomSeed, formatNumber } from '../pkg/trainlab_wasm.js';
import { buildControls } from './controls.js';
import { canvasPng } from './exports.js';
import { exportBar } from './export-bar.js';
import { strings, pickLang, loadViewTexts, LANGS } from './text.js';
import { viewShell, showNotices, renderTables, renderSteps, drawFigure } from './view-shell.js';
import { workLoop } from './work-loop.js';
import { EXTENSIONS } from './views/index.js';

let started = null;
let CATALOG = null;

/** Loads the wasm module once; resolves to the catalogue { views: [{id, params}], reserved }. */
export function init(options = {}) {
  if (!started) {
    const arg = options.wasm ? { module_or_path: options.wasm } : undefined;
    started = initWasm(arg).then(async () => {
      const cat = JSON.parse(catalog());
      // every registered view's words, in both languages (the page can switch language)
      await loadViewTexts(cat.views.map((v) => v.id));
      CATALOG = cat;
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

  const wasm = new ViewHandle(info.id);
  const shell = viewShell(info, texts, s);
  const { root, canvas, caption, form, tables } = shell;
  element.append(root);

  let notices = [];
  let destroyed = false;
  const stats = { drawMs: [], inputToDrawMs: [] };

  function redraw() {
    if (destroyed) return undefined;
    const t0 = drawFigure(wasm, shell, lang, options.height);
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
    renderTables(tables, summary, texts, formatNumber);
    controls?.update(JSON.parse(wasm.paramsJson()), summary);
  }

  const work = workLoop(wasm, s, {
    redraw: () => { refresh(); redraw(); },
    onDone: () => root.dispatchEvent(new CustomEvent('trainlab:done', { bubbles: true, detail: { view: info.id } })),
  });
  shell.figure.append(work.box);

  function apply(query, eventTime) {
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
      cancelAnimationFrame(frame);
      root.remove();
      wasm.free();
    },
  };
  if (options.exports !== false) root.insertBefore(exportBar(handle, s, link), tables);

  // "Try this": each step sets its parameters over the view's defaults (and presses play where
  // the view has long work), so a link to a step shows what its words describe.
  const steps = options.steps === false ? null : texts.steps;
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
  extension = EXTENSIONS[info.id]?.attach({
    handle, root, figure: shell.figure, canvas, form, apply: (q) => apply(q), strings: s, texts, info,
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
