// view=tuning: runs the caviar search in Web Workers (www/tuning-worker.js, one per core up to the
// `workers` parameter), each with its own wasm instance. This module only moves jobs and results:
// it claims a job from the view (handle.command('claim')), posts it to an idle worker and hands
// the worker's result back (handle.command('result')); the view decides everything else. Cancel
// (the progress bar's button or handle.cancel()) terminates the workers at once and puts their
// jobs back; resume starts fresh workers. Without workers (the single-file file:// build,
// workers=0, or a worker that fails to load) the view trains in the page, a little per frame.
// Also: the "next round" button (coarse to fine) and the Optuna / Ray Tune code of the ranges.
// claim, release, result and partial are background actions and status a query in the view's
// catalogue entry, so handing jobs around redraws nothing; the work loop redraws as progress moves.
import { el, button } from '../dom.js';
import { codeBlock, fillCode } from './code.js';

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
  const next = button('tl-button', t.next_round ?? 'Next round: narrow around the best');
  next.dataset.action = 'next-round';
  const status = el('p', { class: 'tl-study', role: 'status' });
  const bar = el('div', 'tl-exports', next, status);
  root.querySelector('.tl-tables').before(bar);
  const code = codeBlock(t.code ?? 'The ranges as code');
  code.dataset.code = 'tuning';
  root.querySelector('.tl-tables').after(code);

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
  }

  // the status line at most 4 times a second while results stream in
  function renderSoon() {
    if (!renderTimer) renderTimer = setTimeout(() => { renderTimer = 0; render(); }, 250);
  }

  next.addEventListener('click', () => {
    if (handle.command('next_round') !== null) pumpAll();
    render();
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
  };
  root.addEventListener('trainlab:drawn', onDrawn);
  // in-page work (no workers) ends without a result message: update the line and the button
  root.addEventListener('trainlab:done', render);
  /** Read by the end-to-end tests and the bench: how the search is being run. */
  root.tuningPool = () => ({ mode: pool.mode, workers: pool.list.length, error: pool.error, jobs: pool.jobs, ms: pool.ms });
  start();

  return {
    destroy() {
      clearTimeout(renderTimer);
      clearTimeout(drawTimer);
      terminate();
      root.removeEventListener('trainlab:drawn', onDrawn);
      root.removeEventListener('trainlab:done', render);
      progressButton?.removeEventListener('click', onProgressClick);
      handle.cancel = cancel;
      handle.resume = resume;
      bar.remove();
      code.remove();
    },
  };
}
