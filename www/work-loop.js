// The long-work loop of a mounted view (training runs, studies, searches): a little work per
// animation frame through wasm.advance(units), with the amount adapted so each call takes about
// 8 ms, a progress bar, and cancel/resume. The work lives in the wasm model, so pausing loses
// nothing and a parameter change simply starts a new job.
import { el, button } from './dom.js';

/** Least time between two redraws while a view's long work runs off the main thread (ms). */
const OFF_THREAD_REDRAW_MS = 250;
/** The budget of one advance() call (ms): below LOW the units double, above HIGH they halve. */
const LOW_MS = 4;
const HIGH_MS = 8;

/**
 * A work loop for `wasm` (a ViewHandle).
 * s: the page's words (s.ui.progress, cancel, resume, progress_label);
 * redraw(): refreshes the text and the figure; onDone(): called when a job completes.
 * Returns { box (the progress element), start(), cancel(), resume(), state(), finished(), destroy() }.
 */
export function workLoop(wasm, s, { redraw, onDone }) {
  const bar = el('progress', { 'aria-label': s.ui.progress_label });
  bar.max = 1;
  bar.value = 0;
  const text = el('span', 'tl-progress-text');
  const toggle = button('tl-button', '', () => {
    work.paused = !work.paused;
    if (work.paused) cancelAnimationFrame(work.frame);
    else start();
    show();
  });
  const box = el('div', 'tl-progress', bar, text, toggle);
  box.hidden = true;

  // paused: the student pressed cancel; suspended: the view is off screen or its tab hidden
  const work = { units: 1, frame: 0, running: false, paused: false, suspended: false, progress: null, waiters: [], stale: false, drawnAt: 0, shown: '', destroyed: false };

  function show() {
    const p = work.progress;
    // Touch the DOM only when something shown changes: an unchanged write still costs a style
    // and layout pass every frame, on the core that Web Workers need.
    const key = p ? `${p.done}/${p.total}/${work.paused}` : '';
    if (key === work.shown) return;
    work.shown = key;
    box.hidden = !p;
    if (!p) return;
    bar.value = p.total ? p.done / p.total : 1;
    text.textContent = s.ui.progress(p.done, p.total);
    toggle.hidden = p.done >= p.total;
    // finished: the bar fades out after a moment, so it does not cover the figure's corner
    box.classList.toggle('tl-done', p.total > 0 && p.done >= p.total);
    toggle.textContent = work.paused ? s.ui.resume : s.ui.cancel;
  }

  function settle() {
    for (const resolve of work.waiters.splice(0)) resolve(work.progress);
  }

  const finishedNow = () => !work.progress || work.progress.done >= work.progress.total;

  function tick() {
    if (work.destroyed || work.paused || work.suspended) {
      work.running = false;
      return;
    }
    const t0 = performance.now();
    const before = work.progress;
    work.progress = JSON.parse(wasm.advance(work.units));
    const dt = performance.now() - t0;
    if (dt < LOW_MS) work.units = Math.min(work.units * 2, 1 << 20);
    else if (dt > HIGH_MS) work.units = Math.max(1, Math.floor(work.units / 2));
    // Redraw only when the work moved. When the call did next to nothing (the view's work runs
    // in Web Workers and only their results move it), redraw at most every OFF_THREAD_REDRAW_MS:
    // a redraw takes the main thread and with it a core the workers need.
    if (before?.done !== work.progress?.done || before?.total !== work.progress?.total) work.stale = true;
    const done = finishedNow();
    if (work.stale && (done || dt >= 1 || t0 - work.drawnAt >= OFF_THREAD_REDRAW_MS)) {
      work.stale = false;
      work.drawnAt = t0;
      redraw();
    }
    show();
    if (done) {
      work.running = false;
      settle();
      onDone?.();
      return;
    }
    work.frame = requestAnimationFrame(tick);
  }

  /** Reads the job's progress and runs it frame by frame until it is complete. */
  function start() {
    work.progress = JSON.parse(wasm.advance(0));
    show();
    if (finishedNow()) {
      settle();
      return;
    }
    if (!work.running && !work.paused && !work.suspended) {
      work.running = true;
      work.frame = requestAnimationFrame(tick);
    }
  }

  return {
    box,
    start,
    /** A parameter change: a new job starts unpaused. */
    restart() {
      work.paused = false;
      start();
    },
    cancel() {
      work.paused = true;
      cancelAnimationFrame(work.frame);
      work.running = false;
      show();
    },
    resume() {
      work.paused = false;
      start();
      show();
    },
    /** Stops (true) or lets go on (false) the work while the view cannot be seen. */
    suspend(flag) {
      if (flag === work.suspended) return;
      work.suspended = flag;
      if (flag) {
        cancelAnimationFrame(work.frame);
        work.running = false;
      } else if (!work.paused && !work.destroyed) {
        start();
      }
    },
    state() {
      return { running: work.running, paused: work.paused, suspended: work.suspended, progress: work.progress };
    },
    finished() {
      if (finishedNow()) return Promise.resolve(work.progress);
      return new Promise((resolve) => work.waiters.push(resolve));
    },
    destroy() {
      work.destroyed = true;
      cancelAnimationFrame(work.frame);
      settle();
    },
  };
}
