// view=space: the search space exported as code for each tuning engine (data().code, from the
// core); where the space has a model to train, the Optuna and Ray Tune code is a complete study,
// with its download buttons (./study.js); and the bar under the pointer named (hover, or tap on a
// phone): its value or option and count.
import { codeBlock, fillCode, readout } from './code.js';
import { studyDownloads } from './study.js';

const ENGINES = ['optuna', 'ray_tune', 'sklearn', 'keras_tuner'];

export function attach(ctx) {
  const words = ctx.texts.code ?? {};
  const fig = codeBlock(words.title ?? 'code');
  fig.dataset.code = 'space';
  ctx.root.querySelector('.tl-tables').after(fig);
  const downloads = studyDownloads(() => ctx.handle.data().code, words);
  fig.before(downloads.bar);
  const render = () => {
    const code = ctx.handle.data().code ?? {};
    fillCode(fig, ENGINES.map((e) => [words[e] ?? e, code[e] ?? '']));
    downloads.refresh();
  };
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  const bars = readout(ctx, (r) => ctx.texts.readout?.(r, ctx.formatNumber) ?? '');
  return {
    destroy() {
      ctx.root.removeEventListener('trainlab:drawn', render);
      bars.destroy();
      fig.remove();
      downloads.bar.remove();
    },
  };
}
