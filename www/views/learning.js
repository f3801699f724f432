// view=learning: the independent runs shown (four optimizers and three initialisations, or with
// compare=augment the three augmentations of the overfitting setup) go to Web
// Workers through the shared run pool (www/workers.js), one worker per core up to the `workers`
// parameter; the workers stream each run's curve so far, which counts in the view's progress,
// so the work loop redraws as they come (at most 4 times a second). Without workers (the
// single-file build, workers=0) the view trains the same runs in the page. The line under the
// figure says who computes and how many runs are done.
import { el } from '../dom.js';
import { runPool } from '../workers.js';

export function attach(ctx) {
  const { handle, root } = ctx;
  const t = ctx.texts.ui ?? {};
  const status = el('p', { class: 'tl-study', role: 'status' });
  root.querySelector('.tl-tables').before(status);

  // the pool calls onChange while it starts: `runs` is set once it has
  let runs = null;
  function render() {
    const d = handle.command('status');
    if (!d) return;
    const pool = runs?.state() ?? { mode: 'page', workers: 0, error: '' };
    const mode = pool.mode === 'workers' ? t.mode_workers?.(pool.workers) ?? `${pool.workers} workers` : t.mode_page ?? 'in this page';
    const err = pool.error ? ` (${t.worker_failed ?? 'workers unavailable'}: ${pool.error})` : '';
    const done = t.runs ? t.runs(d.done, d.runs) : `${d.done} / ${d.runs}`;
    status.textContent = `${mode}${err} · ${done}.`;
  }
  runs = runPool(ctx, { drawPartials: false, onChange: render });
  root.addEventListener('trainlab:done', render);
  // in the page the runs finish without a message: the line follows once a second
  const timer = setInterval(render, 1000);
  render();

  return {
    destroy() {
      clearInterval(timer);
      runs.destroy();
      root.removeEventListener('trainlab:done', render);
      status.remove();
    },
  };
}
