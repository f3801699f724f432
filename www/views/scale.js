// view=scale: shows the sampling recipe (data().code, written by the core for the current range)
// and dims the range controls that the chosen panel does not use (a class, so `hide=` stays the
// page's own business).
import { codeBlock, fillCode } from './code.js';

const RANGES = {
  alpha: ['alpha_low', 'alpha_high'],
  beta: ['beta_low', 'beta_high'],
  integers: ['units_low', 'units_high', 'layers_low', 'layers_high'],
};

export function attach(ctx) {
  const fig = codeBlock(ctx.texts.code ?? 'code');
  fig.dataset.code = 'scale';
  ctx.root.querySelector('.tl-tables').before(fig);
  const render = () => {
    const d = ctx.handle.data();
    fillCode(fig, [['', d.code ?? '']]);
    for (const [panel, names] of Object.entries(RANGES)) {
      for (const name of names) {
        ctx.form.querySelector(`[data-param="${name}"]`)?.classList.toggle('tl-off', panel !== d.panel);
      }
    }
  };
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  return { destroy() { ctx.root.removeEventListener('trainlab:drawn', render); fig.remove(); } };
}
