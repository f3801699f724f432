// view=batchnorm: the readouts of the figure (www/views/readout.js), and for the two panels whose
// runs are independent (the grid: 16 weight scales x without/with batch norm; layer: batch norm
// against layer norm at batch sizes 1..128) the shared run pool (www/workers.js): one Web Worker
// per core up to the `workers` parameter computes the runs, streams each run's accuracies after
// every epoch (they count in the view's progress, so the figure fills in live), and cancel
// terminates the workers. Without workers (the single-file build, workers=0) the view trains the
// same runs in the page, a step at a time. The line under the figure says who computes and how
// many runs of the panel shown are done.
import { el } from '../dom.js';
import { runPool } from '../workers.js';
import { attach as attachReadout } from './readout.js';

export function attach(ctx) {
  const { handle, root } = ctx;
  const readout = attachReadout(ctx);
  const t = ctx.texts.ui ?? {};
  const status = el('p', { class: 'tl-study', role: 'status' });
  root.querySelector('.tl-tables').before(status);

  // the pool calls onChange while it starts: `runs` is set once it has
  let runs = null;
  function render() {
    const d = handle.command('status');
    status.hidden = !d || d.runs === 0;
    if (status.hidden) return;
    const pool = runs?.state() ?? { mode: 'page', workers: 0, error: '' };
    const mode = pool.mode === 'workers' ? t.mode_workers?.(pool.workers) ?? `${pool.workers} workers` : t.mode_page ?? 'in this page';
    const err = pool.error ? ` (${t.worker_failed ?? 'workers unavailable'}: ${pool.error})` : '';
    const done = t.runs ? t.runs(d.done, d.runs) : `${d.done} / ${d.runs}`;
    status.textContent = `${mode}${err} · ${done}.`;
  }
  // the study's panels (shift, ridge, test) have no runs: no workers are started for them
  runs = runPool(ctx, { drawPartials: false, onChange: render, active: () => (handle.command('status')?.runs ?? 0) > 0 });
  root.addEventListener('trainlab:done', render);
  // in the page the runs finish without a message: the line follows once a second
  const timer = setInterval(render, 1000);
  render();

  return {
    destroy() {
      clearInterval(timer);
      runs.destroy();
      readout.destroy();
      root.removeEventListener('trainlab:done', render);
      status.remove();
    },
  };
}
