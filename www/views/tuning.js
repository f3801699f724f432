// view=tuning: runs the caviar search's trials in Web Workers through the shared run pool
// (www/workers.js: one worker per core up to the `workers` parameter, each trial a run the view
// hands out with command('claim') and takes back with command('result'); the view decides
// everything else). Cancel (the progress bar's button or handle.cancel()) terminates the workers
// at once and puts their trials back; resume starts fresh workers. Without workers (the
// single-file file:// build, workers=0, or a worker that fails to load) the view trains in the
// page, a little per frame.
// Also: the "next round" button (coarse to fine), the search as complete Optuna / Ray Tune studies
// with their downloads and a results CSV brought back (./study.js), and
// the readout of the scatter: hover, tap or the arrow keys (the canvas is focusable while the
// scatter is shown) name a trial's lr, λ and validation accuracy; where each trial is drawn comes
// from the view (handle.command('points')), the numbers through the wasm formatter.
import { el, button } from '../dom.js';
import { codeBlock, fillCode } from './code.js';
import { studyDownloads, resultsLoader } from './study.js';
import { runPool } from '../workers.js';

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

  // the pool calls onChange while it starts: `runs` is set once it has
  let runs = null;

  function render() {
    const d = handle.command('status');
    if (!d) return;
    const words = t;
    const c = d.compute;
    const pool = runs?.state() ?? { mode: 'page', workers: 0, error: '' };
    const mode = pool.mode === 'workers'
      ? (words.mode_workers ? words.mode_workers(pool.workers) : `${pool.workers} workers`)
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

  next.addEventListener('click', () => {
    if (handle.command('next_round') !== null) runs.pump();
    render();
    readout.refresh();
  });

  // in-page work (no workers) ends without a result message: update the line and the button
  root.addEventListener('trainlab:done', render);
  root.addEventListener('trainlab:done', readout.refresh);
  /** Read by the end-to-end tests and the bench: how the search is being run. */
  root.tuningPool = () => {
    const p = runs.state();
    return { mode: p.mode, workers: p.workers, error: p.error, jobs: p.runs, ms: p.ms };
  };
  runs = runPool(ctx, { onChange: () => { render(); readout.refresh(); } });
  render();
  readout.refresh();

  return {
    destroy() {
      runs.destroy();
      root.removeEventListener('trainlab:done', render);
      root.removeEventListener('trainlab:done', readout.refresh);
      readout.destroy();
      delete root.tuningPool;
      bar.remove();
      code.remove();
      downloads.bar.remove();
      loader.destroy();
    },
  };
}
