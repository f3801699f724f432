// The shared run pool (issue 14): a view whose experiment is many independent runs (the tuning
// search's trials, the learning curves' optimizers and initialisations) lists them; this module
// claims them from the view (handle.command('claim') -> { run: { view, params, seed, index },
// left }), hands each to one of its Web Workers (www/run-worker.js, one per core up to the
// view's `workers` parameter, each with its own wasm instance of the view's module), passes the
// workers' partial reports (the live curves) and results back (handle.command('partial' |
// 'result')), and keeps the page's own thread to that bookkeeping: no run is computed here.
// Any worker can take any run: a run is a function of its description alone.
//
// Cancel (the progress bar's button, or handle.cancel()) terminates the workers at once and puts
// their runs back (handle.command('release')); resume starts fresh workers. Without workers (the
// single-file build from file://, workers=0, or a worker that fails to load) the view computes
// the same runs in the page, a little per frame (handle.command('workers', '0')).
import { views } from './trainlab.js';
import { loadedModule } from './loader.js';

/** Least time between two redraws for partial curves, and between two onChange calls (ms). */
const QUIET_MS = 250;

/** Whether this page can start module workers next to this file. */
export function workersAvailable() {
  try {
    return typeof Worker !== 'undefined' && !import.meta.url.startsWith('data:') && location.protocol !== 'file:';
  } catch {
    return false;
  }
}

/** The catalogue entry of the view mounted as `handle` ({ id, module, digits, params }). */
function entryOf(handle) {
  return views().find((v) => v.id === handle.viewId);
}

/** The loaded wasm module of the view mounted as `handle` (formatNumber and the rest). */
export function moduleOf(handle) {
  return loadedModule(entryOf(handle).module);
}

/**
 * Runs the view of ctx (an extension's { handle, root }) through workers. options:
 * { drawPartials: redraw the figure (at most every QUIET_MS) when partial curves arrive (for a
 *   view whose progress does not count them; default true), onChange(): after a result or a
 *   change of who computes, at most every QUIET_MS; active(): whether the view has runs to hand
 *   out now (default: always), no workers are started while it has none }.
 * Returns { state() -> { mode: 'workers' | 'page', workers, error, runs, ms }, start(), stop(),
 * destroy() }; root.runPool() returns the same state (tests and the bench read it).
 */
export function runPool(ctx, options = {}) {
  const { handle, root } = ctx;
  const info = entryOf(handle);
  const drawPartials = options.drawPartials !== false;
  // list: [{ worker, ready, busy: runs posted and not back }]; size: workers wanted when started;
  // left: runs not handed out yet (as of the last claim); runs and ms: results taken and the time
  // the workers spent computing them
  const pool = { list: [], size: 0, mode: 'page', error: '', runs: 0, ms: 0, left: 0 };
  let drawTimer = 0;
  let changeTimer = 0;

  function wanted() {
    const cores = navigator.hardwareConcurrency || 2;
    // the view's `workers` parameter (capped by the view), else one per core
    const asked = handle.params().workers ?? cores;
    // a view with nothing to hand out now (a panel without runs) starts no workers
    if (options.active && !options.active()) return 0;
    return workersAvailable() ? Math.max(0, Math.min(asked, cores)) : 0;
  }

  function changed() {
    if (!changeTimer) changeTimer = setTimeout(() => { changeTimer = 0; options.onChange?.(); }, QUIET_MS);
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
    options.onChange?.();
  }

  // Each worker gets a second run queued behind the one it computes (so it never waits for the
  // main thread between runs) while there are enough runs left for every worker.
  function pump(entry) {
    while (entry.ready && entry.busy < 2 && !handle.work().paused) {
      if (entry.busy === 1 && pool.left < pool.list.length) return;
      const claim = handle.command('claim');
      if (!claim?.run) return;
      pool.left = claim.left;
      entry.busy += 1;
      entry.worker.postMessage({ run: JSON.stringify(claim.run) });
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
      handle.command('partial', msg.partial);
      if (drawPartials && !drawTimer) drawTimer = setTimeout(() => { drawTimer = 0; handle.redraw(); }, QUIET_MS);
      return;
    }
    entry.busy = Math.max(0, entry.busy - 1);
    if (msg.error) {
      fallback(msg.error);
      return;
    }
    pool.runs += 1;
    pool.ms += msg.ms ?? 0;
    handle.command('result', msg.result);
    // a result can open new runs (successive halving promotes trials): wake every idle worker
    pumpAll();
    changed();
  }

  function start() {
    stop();
    const n = wanted();
    pool.size = n;
    pool.error = '';
    if (n === 0) {
      pool.mode = 'page';
      handle.command('workers', '0');
      options.onChange?.();
      return;
    }
    pool.mode = 'workers';
    handle.command('workers', String(n));
    try {
      for (let i = 0; i < n; i++) {
        const entry = { worker: new Worker(new URL('./run-worker.js', import.meta.url), { type: 'module' }), ready: false, busy: 0 };
        entry.worker.onmessage = (ev) => onMessage(entry, ev.data);
        entry.worker.onerror = (ev) => { ev.preventDefault?.(); fallback(ev.message || 'worker error'); };
        entry.worker.postMessage({ init: { module: info.module, digits: Boolean(info.digits) } });
        pool.list.push(entry);
      }
    } catch (e) {
      fallback(String(e?.message ?? e));
    }
    options.onChange?.();
  }

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

  // A parameter change: a new worker count restarts the pool; new runs wake idle workers.
  const onDrawn = () => {
    const lost = pool.size > 0 && pool.mode === 'workers' && pool.list.length === 0 && !handle.work().paused;
    if (wanted() !== pool.size || lost) start();
    else pumpAll();
    options.onChange?.();
  };
  root.addEventListener('trainlab:drawn', onDrawn);

  const state = () => ({ mode: pool.mode, workers: pool.list.length, error: pool.error, runs: pool.runs, ms: pool.ms });
  root.runPool = state;
  start();

  return {
    state,
    start,
    stop,
    /** Wakes idle workers (after an action that opens new runs, such as a next round). */
    pump: pumpAll,
    destroy() {
      clearTimeout(drawTimer);
      clearTimeout(changeTimer);
      terminate();
      root.removeEventListener('trainlab:drawn', onDrawn);
      progressButton?.removeEventListener('click', onProgressClick);
      handle.cancel = cancel;
      handle.resume = resume;
      delete root.runPool;
    },
  };
}
