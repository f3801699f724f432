// view=search: a "Repeat 1,000 times" button (it sets study=1&repeats=1000, so the study is part of
// the URL and reproducible) and one line summarising the study's result from data().study.
import { el, button } from '../dom.js';

export function attach(ctx) {
  const repeat = button('tl-button', ctx.texts.repeat ?? 'Repeat 1,000 times', () => ctx.apply('study=1&repeats=1000'));
  const line = el('p', { class: 'tl-study', role: 'status' });
  const box = el('div', 'tl-exports', repeat, line);
  ctx.root.querySelector('.tl-tables').before(box);
  const render = () => {
    const s = ctx.handle.data().study;
    line.textContent = s && ctx.texts.study_summary ? ctx.texts.study_summary(s) : '';
  };
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  return { destroy() { ctx.root.removeEventListener('trainlab:drawn', render); box.remove(); } };
}
