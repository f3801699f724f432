// view=scale: shows the sampling recipe (data().code, written by the core for the current range)
// and names the bar under the pointer (hover, or tap on a phone): its interval and count. The
// range controls of the other panels are hidden by their relevance rules.
import { codeBlock, fillCode, readout } from './code.js';

export function attach(ctx) {
  const fig = codeBlock(ctx.texts.code ?? 'code');
  fig.dataset.code = 'scale';
  ctx.root.querySelector('.tl-tables').before(fig);
  const render = () => fillCode(fig, [['', ctx.handle.data().code ?? '']]);
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  const bars = readout(ctx, (r) => ctx.texts.readout?.(r, ctx.formatNumber) ?? '');
  return {
    destroy() {
      ctx.root.removeEventListener('trainlab:drawn', render);
      bars.destroy();
      fig.remove();
    },
  };
}
