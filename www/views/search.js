// view=search: a "Repeat 1,000 times" button (it sets study=1&repeats=1000, so the study is part of
// the URL and reproducible) and one line summarising the study's result from data().study.
export function attach(ctx) {
  const box = document.createElement('div');
  box.className = 'tl-exports';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tl-button';
  button.textContent = ctx.texts.repeat ?? 'Repeat 1,000 times';
  button.addEventListener('click', () => ctx.apply('study=1&repeats=1000'));
  const line = document.createElement('p');
  line.className = 'tl-study';
  line.setAttribute('role', 'status');
  box.append(button, line);
  ctx.root.querySelector('.tl-tables').before(box);
  const render = () => {
    const s = ctx.handle.data().study;
    line.textContent = s && ctx.texts.study_summary ? ctx.texts.study_summary(s) : '';
  };
  render();
  ctx.root.addEventListener('trainlab:drawn', render);
  return { destroy() { ctx.root.removeEventListener('trainlab:drawn', render); box.remove(); } };
}
