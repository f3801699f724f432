// UI extension of view=optimizers: Step / Play / Pause / Reset, the "DLFS comparison" preset, and
// clicks on the contour plot that move the start point. It only turns events into parameter
// changes (ctx.apply) and reads the plot geometry the core exposes in handle.data().geometry.
import { el, button } from '../dom.js';

/** The address of DLFS's optimizer_compare_naive (figure 6-8) as parameters. */
export const DLFS_PRESET = 'surface=bowl&x0=-7&y0=2&steps=30&convention=dlfs&sgd=1&lr_sgd=0.95&momentum=1&lr_momentum=0.1' +
  '&momentum_beta=0.9&nesterov=0&adagrad=1&lr_adagrad=1.5&rmsprop=0&adam=1&lr_adam=0.3&adam_beta1=0.9&adam_beta2=0.999' +
  '&bias_correction=1&layout=multiples&schedule=constant&noise=0';

/** Play runs until this many steps (then stops); the core caps steps at 10,000. */
export const PLAY_TO = 1000;

export function attach(ctx) {
  const t = ctx.texts.ui ?? {};
  const bar = el('div', { class: 'tl-exports tl-player', role: 'group', 'aria-label': 'Race' });
  const add = (label, fn) => {
    const b = button('tl-button', label, fn);
    bar.append(b);
    return b;
  };
  const status = el('span', { class: 'tl-export-status', role: 'status' });

  const steps = () => ctx.handle.params().steps;
  let frame = 0;
  let playing = false;
  const reduced = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

  function stop() {
    playing = false;
    cancelAnimationFrame(frame);
    play.textContent = t.play ?? 'Play';
    play.setAttribute('aria-pressed', 'false');
  }

  function tick() {
    if (!playing) return;
    const n = steps() + 1;
    ctx.apply(`steps=${n}`);
    status.textContent = t.playing ? t.playing(n) : `step ${n}`;
    if (n >= PLAY_TO) stop();
    else frame = requestAnimationFrame(tick);
  }

  add(t.step ?? 'Step', () => { stop(); ctx.apply(`steps=${steps() + 1}`); });
  const play = add(t.play ?? 'Play', () => {
    if (playing) { stop(); return; }
    if (steps() >= PLAY_TO) ctx.apply('steps=0');
    if (reduced()) {
      // No animation when the reader asked for reduced motion: show the end state at once.
      ctx.apply(`steps=${PLAY_TO}`);
      return;
    }
    playing = true;
    play.textContent = t.pause ?? 'Pause';
    play.setAttribute('aria-pressed', 'true');
    frame = requestAnimationFrame(tick);
  });
  play.setAttribute('aria-pressed', 'false');
  add(t.reset ?? 'Reset', () => { stop(); ctx.apply('steps=0'); });
  add(t.preset ?? 'DLFS comparison', () => { stop(); ctx.apply(DLFS_PRESET); });
  bar.append(status);
  ctx.figure.insertBefore(bar, ctx.canvas.nextSibling);

  // A click inside a contour plotting area moves the start point there (rounded to 0.01).
  function onClick(ev) {
    const rect = ctx.canvas.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const py = ev.clientY - rect.top;
    const { geometry } = ctx.handle.data();
    for (const g of geometry ?? []) {
      const left = g.frac[0] * rect.width + g.inset[0];
      const right = g.frac[2] * rect.width - g.inset[2];
      const top = g.frac[1] * rect.height + g.inset[1];
      const bottom = g.frac[3] * rect.height - g.inset[3];
      if (px < left || px > right || py < top || py > bottom) continue;
      const x = g.x[0] + ((px - left) / (right - left)) * (g.x[1] - g.x[0]);
      const y = g.y[1] - ((py - top) / (bottom - top)) * (g.y[1] - g.y[0]);
      const [rx, ry] = [+x.toFixed(2), +y.toFixed(2)];
      stop();
      ctx.apply(`x0=${rx}&y0=${ry}`);
      status.textContent = t.moved ? t.moved(rx, ry) : `(${rx}, ${ry})`;
      return;
    }
  }
  ctx.canvas.addEventListener('click', onClick);
  ctx.canvas.style.cursor = 'crosshair';

  return {
    destroy() {
      stop();
      ctx.canvas.removeEventListener('click', onClick);
      ctx.canvas.style.cursor = '';
      bar.remove();
    },
  };
}
