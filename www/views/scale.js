// view=scale: shows the sampling recipe (data().code, written by the core for the current range).
import { codeBlock, fillCode } from './code.js';

export function attach(ctx) {
  const fig = codeBlock(ctx.texts.code ?? 'code');
  fig.dataset.code = 'scale';
  ctx.root.querySelector('.tl-tables').before(fig);
  const render = () => fillCode(fig, [['', ctx.handle.data().code ?? '']]);
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  return { destroy() { ctx.root.removeEventListener('trainlab:drawn', render); fig.remove(); } };
}
