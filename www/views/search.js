// view=search: one control for the repeated study, a "Repeat 1,000 times" toggle among the main
// controls (it sets study=1&repeats=1000, so the study is part of the URL and reproducible; pressed
// again it sets study=0) in place of the study's checkbox; one line summarising the study's result
// from data().study; and the trial under the pointer named (hover, or tap on a phone).
import { el, button } from '../dom.js';
import { readout } from './code.js';

export function attach(ctx) {
  const repeat = button('tl-button tl-repeat', ctx.texts.repeat ?? 'Repeat 1,000 times', () => {
    ctx.apply(ctx.handle.params().study ? 'study=0' : 'study=1&repeats=1000');
  });
  // the study's checkbox would be a second control for the same thing: the button replaces it
  // (the parameter stays: in the URL, in handle.set, and its repeats still fold under Run)
  const flag = ctx.form.querySelector('[data-param="study"]');
  flag?.remove();
  const main = ctx.form.querySelector('.tl-main') ?? ctx.form;
  main.append(el('div', 'tl-field tl-repeat-field', repeat));
  const line = el('p', { class: 'tl-study', role: 'status' });
  const box = el('div', 'tl-exports', line);
  ctx.root.querySelector('.tl-tables').before(box);
  const render = () => {
    const s = ctx.handle.data().study;
    repeat.setAttribute('aria-pressed', String(!!ctx.handle.params().study));
    line.textContent = s && ctx.texts.study_summary ? ctx.texts.study_summary(s) : '';
    box.hidden = !line.textContent;
  };
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  const trials = readout(ctx, (r) => ctx.texts.readout?.(r, ctx.formatNumber) ?? '');
  return {
    destroy() {
      ctx.root.removeEventListener('trainlab:drawn', render);
      trials.destroy();
      repeat.parentElement?.remove();
      if (flag) main.prepend(flag);
      box.remove();
    },
  };
}
