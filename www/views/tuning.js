// view=tuning: runs the caviar search in Web Workers (www/tuning-worker.js, one per core up to the
// `workers` parameter), each with its own wasm instance. This module only moves jobs and results:
// it claims a job from the view (handle.command('claim')), posts it to an idle worker and hands
// the worker's result back (handle.command('result')); the view decides everything else. Cancel
// (the progress bar's button or handle.cancel()) terminates the workers at once and puts their
// jobs back; resume starts fresh workers. Without workers (the single-file file:// build,
// workers=0, or a worker that fails to load) the view trains in the page, a little per frame.
// Also: the "next round" button (coarse to fine), the search as complete Optuna / Ray Tune studies
// with their downloads and a results CSV brought back (./study.js), and
// the readout of the scatter: hover, tap or the arrow keys (the canvas is focusable while the
// scatter is shown) name a trial's lr, λ and validation accuracy; where each trial is drawn comes
// from the view (handle.command('points')), the numbers through the wasm formatter.
// claim, release, result and partial are background actions and status a query in the view's
// catalogue entry, so handing jobs around redraws nothing; the work loop redraws as progress moves.
import { el, button } from '../dom.js';
import { codeBlock, fillCode } from './code.js';
import { studyDownloads, resultsLoader } from './study.js';

let uid = 0;

/** Pointer distance (CSS px) within which a trial counts as under the mouse, and a finger. */
const MOUSE_RADIUS = 12;
const TOUCH_RADIUS = 24;

/**
 * The scatter's readout: a ring on the chosen trial and a line with its numbers (a live region,
 * so the arrow keys are heard too). Returns { refresh(), destroy() }.
 */
function trialReadout(handle, canvas, figure, t, formatNumber) {
  const ring = el('div', { class: 'tl-trial-ring', 'aria-hidden': 'true' });
  const tip = el('div', { class: 'tl-trial-tip', role: 'status', 'aria-live': 'polite' });
  const keys = el('p', { class: 'tl-trial-keys', id: `tl-trial-keys-${++uid}`, text: t.trial_keys ?? '' });
  ring.hidden = true;
  tip.hidden = true;
  figure.append(ring, tip, keys);
  // the trials where the view drew them, sorted by learning rate (the arrow keys' order); fetched
  // again when the canvas, the parameters, the round or the progress change
  let cache = { key: '', points: [] };
  let chosen = null;
  const scatter = () => handle.params().panel === 'scatter';
  const dpr = () => Math.min(3, window.devicePixelRatio || 1);
  // CSS px of the drawing per CSS px of the canvas on screen (its border takes two)
  const stretch = () => canvas.width / dpr() / Math.max(1, canvas.clientWidth);

  function points() {
    if (!scatter()) return [];
    const status = handle.command('status');
    const p = handle.work().progress;
    const key = `${canvas.width}x${canvas.height}:${handle.query()}:${status?.round}:${p?.done}/${p?.total}`;
    if (key !== cache.key) {
      const list = handle.command('points', `${canvas.width},${canvas.height},${dpr()},${handle.lang}`) ?? [];
      cache = { key, points: list.slice().sort((a, b) => a.lr - b.lr || a.round - b.round || a.trial - b.trial) };
    }
    return cache.points;
  }

  function hide() {
    ring.hidden = true;
    tip.hidden = true;
  }

  function show(p) {
    chosen = p ? { round: p.round, trial: p.trial } : null;
    if (!p) { hide(); return; }
    const k = stretch();
    const x = canvas.offsetLeft + canvas.clientLeft + p.x / k;
    const y = canvas.offsetTop + canvas.clientTop + p.y / k;
    ring.style.left = `${x}px`;
    ring.style.top = `${y}px`;
    ring.hidden = false;
    tip.textContent = t.trial ? t.trial(p, formatNumber) : `${p.trial}: ${formatNumber(p.lr)}, ${formatNumber(p.weight_decay)}, ${p.val}`;
    tip.hidden = false;
    // beside the dot, inside the figure (never wider than the page)
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = Math.max(4, Math.min(x + 12, figure.clientWidth - w - 4));
    const top = y - h - 10 >= 4 ? y - h - 10 : y + 12;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function nearest(e, radius) {
    const r = canvas.getBoundingClientRect();
    const k = stretch();
    const x = (e.clientX - r.left - canvas.clientLeft) * k;
    const y = (e.clientY - r.top - canvas.clientTop) * k;
    let best = null;
    let d2 = (radius * k) ** 2;
    for (const p of points()) {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d <= d2) { d2 = d; best = p; }
    }
    return best;
  }

  const onMove = (e) => {
    if (e.pointerType !== 'mouse' || !scatter()) return;
    const p = nearest(e, MOUSE_RADIUS);
    if (p) show(p);
    else if (document.activeElement !== canvas) show(null);
  };
  const onDown = (e) => {
    if (e.pointerType === 'mouse' || !scatter()) return;
    show(nearest(e, TOUCH_RADIUS));
  };
  const onLeave = () => { if (document.activeElement !== canvas) show(null); };
  const index = (list) => (chosen ? list.findIndex((p) => p.round === chosen.round && p.trial === chosen.trial) : -1);
  const onKey = (e) => {
    if (!scatter()) return;
    const list = points();
    if (!list.length) return;
    const i = index(list);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    let next = null;
    if (step) next = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, i + step));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    else if (e.key === 'Escape') { show(null); return; }
    else return;
    e.preventDefault();
    show(list[next]);
  };
  // focus from the keyboard shows the first trial (a mouse click focuses too, and points itself)
  const onFocus = () => {
    if (!canvas.matches(':focus-visible')) return;
    const list = points();
    if (list.length && !chosen) show(list[0]);
  };
  const onBlur = () => show(null);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('blur', onBlur);

  return {
    /** After a draw: focusable only with the scatter shown; the chosen trial follows its dot. */
    refresh() {
      if (!scatter()) {
        canvas.removeAttribute('tabindex');
        canvas.removeAttribute('aria-describedby');
        chosen = null;
        hide();
        return;
      }
      canvas.tabIndex = 0;
      canvas.setAttribute('aria-describedby', keys.id);
      if (chosen) {
        const list = points();
        const i = index(list);
        show(i >= 0 ? list[i] : null);
      }
    },
    destroy() {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('keydown', onKey);
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('blur', onBlur);
      canvas.removeAttribute('tabindex');
      canvas.removeAttribute('aria-describedby');
      ring.remove();
      tip.remove();
      keys.remove();
    },
  };
}

/** Whether this page can start module workers next to this file. */
export function workersAvailable() {
  try {
    return typeof Worker !== 'undefined' && !import.meta.url.startsWith('data:') && location.protocol !== 'file:';
  } catch {
    return false;
  }
}

export function attach(ctx) {
  const { handle, root } = ctx;
  const t = ctx.texts.ui ?? {};
  const readout = trialReadout(handle, ctx.canvas, ctx.figure, t, ctx.formatNumber);
  const next = button('tl-button', t.next_round ?? 'Next round: narrow around the best');
  next.dataset.action = 'next-round';
  const status = el('p', { class: 'tl-study', role: 'status' });
  const bar = el('div', 'tl-exports', next, status);
  root.querySelector('.tl-tables').before(bar);
  const code = codeBlock(t.study_code ?? t.code ?? 'The ranges as code');
  code.dataset.code = 'tuning';
  root.querySelector('.tl-tables').after(code);
  // the studies as downloads, and a results CSV brought back into the figures (./study.js)
  const downloads = studyDownloads(() => handle.command('status')?.code, t);
  const loader = resultsLoader(handle, ctx.figure, t, ctx.formatNumber);
  code.before(downloads.bar);
  bar.after(loader.bar);

  // pool.list: [{ worker, ready, busy: jobs posted and not back }]; pool.size: workers wanted when
  // started; pool.left: jobs of the rung not handed out yet (as of the last claim)
  let renderTimer = 0;
  let drawTimer = 0;
  const pool = { list: [], size: 0, mode: 'page', error: '', jobs: 0, ms: 0, left: 0 };

  function wanted() {
    const cores = navigator.hardwareConcurrency || 2;
    // the parameter is capped by the view (the core's MAX_WORKERS)
    return workersAvailable() ? Math.max(0, Math.min(handle.params().workers, cores)) : 0;
  }

  function terminate() {
    for (const w of pool.list) w.worker.terminate();
    pool.list = [];
  }

  function stop() {
    const had = pool.list.length > 0;
    terminate();
    if (had) handle.command('release');
  }

  function fallback(reason) {
    terminate();
    pool.mode = 'page';
    pool.error = reason;
    handle.command('workers', '0');
    render();
  }

  // Each worker gets a second job queued behind the one it runs (so it never waits for the main
  // thread between jobs) while there are enough jobs left for every worker.
  function pump(entry) {
    while (entry.ready && entry.busy < 2 && !handle.work().paused) {
      if (entry.busy === 1 && pool.left < pool.list.length) return;
      const claim = handle.command('claim');
      if (!claim?.job) return;
      pool.left = claim.left;
      entry.busy += 1;
      entry.worker.postMessage({ config: JSON.stringify(claim.config), job: JSON.stringify(claim.job) });
    }
  }

  function pumpAll() {
    for (const entry of pool.list) pump(entry);
  }

  function onMessage(entry, msg) {
    if (!pool.list.includes(entry)) return;
    if (msg.ready) {
      entry.ready = true;
      pump(entry);
      return;
    }
    if (msg.partial) {
      // live curves: redrawn at most 4 times a second (not every epoch of every worker)
      handle.command('partial', msg.partial);
      if (!drawTimer) drawTimer = setTimeout(() => { drawTimer = 0; handle.redraw(); }, 250);
      return;
    }
    entry.busy = Math.max(0, entry.busy - 1);
    if (msg.error) {
      fallback(msg.error);
      return;
    }
    pool.jobs += 1;
    pool.ms += msg.ms ?? 0;
    handle.command('result', msg.result);
    // a result can complete a rung (halving promotes trials): wake every idle worker, not only
    // the one that sent it
    pumpAll();
    renderSoon();
  }

  function start() {
    stop();
    const n = wanted();
    pool.size = n;
    pool.error = '';
    if (n === 0) {
      pool.mode = 'page';
      handle.command('workers', '0');
      render();
      return;
    }
    pool.mode = 'workers';
    handle.command('workers', String(n));
    try {
      for (let i = 0; i < n; i++) {
        const entry = { worker: new Worker(new URL('../tuning-worker.js', import.meta.url), { type: 'module' }), ready: false, busy: 0 };
        entry.worker.onmessage = (ev) => onMessage(entry, ev.data);
        entry.worker.onerror = (ev) => { ev.preventDefault?.(); fallback(ev.message || 'worker error'); };
        pool.list.push(entry);
      }
    } catch (e) {
      fallback(String(e?.message ?? e));
    }
    render();
  }

  function render() {
    const d = handle.command('status');
    if (!d) return;
    const words = t;
    const c = d.compute;
    const mode = pool.mode === 'workers'
      ? (words.mode_workers ? words.mode_workers(pool.list.length) : `${pool.list.length} workers`)
      : (words.mode_page ?? 'in this page');
    const saved = d.halving && words.saved ? ' ' + words.saved(c.planned_epochs, c.full_epochs, c.with_checkpoints_epochs) : '';
    const cmp = d.compare && d.compare.full.done && d.compare.halving.done && words.compare ? ' ' + words.compare(d.compare.full, d.compare.halving) : '';
    const err = pool.error ? ` (${words.worker_failed ?? 'workers unavailable'}: ${pool.error})` : '';
    status.textContent = `${words.round ? words.round(d.round + 1) : `round ${d.round + 1}`} · ${mode}${err}.${saved}${cmp}`;
    next.disabled = !d.round_done;
    fillCode(code, [['Optuna', d.code?.optuna ?? ''], ['Ray Tune', d.code?.ray_tune ?? '']]);
    downloads.refresh();
    loader.refresh();
  }

  // the status line at most 4 times a second while results stream in
  function renderSoon() {
    if (!renderTimer) renderTimer = setTimeout(() => { renderTimer = 0; render(); }, 250);
  }

  next.addEventListener('click', () => {
    if (handle.command('next_round') !== null) pumpAll();
    render();
    readout.refresh();
  });

  // Cancel / resume through the progress bar's button (its own handler runs first) or the handle.
  const progressButton = root.querySelector('.tl-progress button');
  const onProgressClick = () => {
    if (handle.work().paused) stop();
    else if (pool.mode === 'workers' || pool.size > 0) start();
  };
  progressButton?.addEventListener('click', onProgressClick);
  const cancel = handle.cancel;
  const resume = handle.resume;
  handle.cancel = () => { cancel(); stop(); };
  handle.resume = () => { resume(); if (pool.size > 0) start(); };

  // A parameter change: a new worker count restarts the pool; a new search wakes idle workers.
  const onDrawn = () => {
    const lost = pool.size > 0 && pool.mode === 'workers' && pool.list.length === 0 && !handle.work().paused;
    if (wanted() !== pool.size || lost) start();
    else pumpAll();
    render();
    readout.refresh();
  };
  root.addEventListener('trainlab:drawn', onDrawn);
  // in-page work (no workers) ends without a result message: update the line and the button
  root.addEventListener('trainlab:done', render);
  root.addEventListener('trainlab:done', readout.refresh);
  /** Read by the end-to-end tests and the bench: how the search is being run. */
  root.tuningPool = () => ({ mode: pool.mode, workers: pool.list.length, error: pool.error, jobs: pool.jobs, ms: pool.ms });
  start();
  readout.refresh();

  return {
    destroy() {
      clearTimeout(renderTimer);
      clearTimeout(drawTimer);
      terminate();
      root.removeEventListener('trainlab:drawn', onDrawn);
      root.removeEventListener('trainlab:done', render);
      root.removeEventListener('trainlab:done', readout.refresh);
      readout.destroy();
      progressButton?.removeEventListener('click', onProgressClick);
      handle.cancel = cancel;
      handle.resume = resume;
      bar.remove();
      code.remove();
      downloads.bar.remove();
      loader.destroy();
    },
  };
}
