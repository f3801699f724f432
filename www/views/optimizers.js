// UI extension of view=optimizers: Step / Play / Pause / Reset and the "DLFS comparison" preset;
// each optimizer's settings folded right under its checkbox; the start point dragged on the
// contour plot (pointer down / move / up with pointer capture; a click still moves it) or moved
// with the arrow keys while the figure has focus; and the path point under the pointer named
// (its optimizer, step and loss: hover, or tap on a phone). It only turns events into parameter
// changes (ctx.apply) and asks the core what is under the pointer (the `readout` query).
import { el, button } from '../dom.js';
import { readout } from './code.js';

/** The address of DLFS's optimizer_compare_naive (figure 6-8) as parameters. */
export const DLFS_PRESET = 'surface=bowl&x0=-7&y0=2&steps=30&convention=dlfs&sgd=1&lr_sgd=0.95&momentum=1&lr_momentum=0.1' +
  '&momentum_beta=0.9&nesterov=0&adagrad=1&lr_adagrad=1.5&rmsprop=0&adam=1&lr_adam=0.3&adam_beta1=0.9&adam_beta2=0.999' +
  '&bias_correction=1&layout=multiples&schedule=constant&noise=0';

/** Play runs until this many steps (then stops); the core caps steps at 10,000. */
export const PLAY_TO = 1000;

/** Arrow keys move the start by this much (with Shift, by 10 times as much). */
const KEY_STEP = 0.1;

/**
 * Folds the settings of each optimizer (the parameters whose relevance rule is its flag) into a
 * <details> right under the flag's checkbox, shown only while the optimizer races; its summary
 * says the learning rate. Returns update(params).
 */
function nestSettings(ctx, t) {
  const specs = ctx.info?.params ?? [];
  const nests = [];
  // the optimizers' rows: checkbox | its settings (a row of their own while open)
  const racers = el('div', { class: 'tl-racers', role: 'group', 'aria-label': t.optimizers ?? 'Optimizers' });
  for (const flag of specs.filter((p) => p.kind === 'bool' && p.main)) {
    const owned = specs.filter((p) => !p.main && p.when?.rule === 'on' && p.when.param === flag.name);
    const field = ctx.form.querySelector(`[data-param="${flag.name}"]`);
    if (!owned.length || !field) continue;
    if (!racers.isConnected) field.before(racers);
    const summary = el('summary');
    const sub = el('details', { class: 'tl-sub', 'data-settings': flag.name }, summary);
    for (const p of owned) {
      const f = ctx.form.querySelector(`[data-param="${p.name}"]`);
      if (f) sub.append(f);
    }
    racers.append(field, sub);
    nests.push({ flag: flag.name, lr: owned.find((p) => p.name.startsWith('lr_'))?.name, sub, summary });
  }
  return (params) => {
    for (const n of nests) {
      n.sub.hidden = !params[n.flag];
      const lr = n.lr ? ctx.formatNumber(params[n.lr]) : '';
      n.summary.textContent = t.settings ? t.settings(lr) : `lr ${lr}`;
    }
  };
}

export function attach(ctx) {
  const t = ctx.texts.ui ?? {};
  const bar = el('div', { class: 'tl-exports tl-player', role: 'group', 'aria-label': t.race ?? 'Race' });
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

  const nested = nestSettings(ctx, t);
  const onDrawn = () => nested(ctx.handle.params());
  onDrawn();
  ctx.root.addEventListener('trainlab:drawn', onDrawn);

  function moveStart([x, y]) {
    stop();
    ctx.apply(`x0=${x}&y0=${y}`);
    status.textContent = t.moved ? t.moved(x, y) : `(${x}, ${y})`;
  }

  const points = readout(ctx, (r) => (r.point && t.point ? t.point(r.point, ctx.formatNumber) : ''), { hover: false });

  // Pointer down inside a contour plot moves the start there and, held, drags it (pointer
  // capture keeps the drag when the pointer leaves the canvas); a tap on a path point with a
  // finger reads that point instead. Moving the mouse without a button pressed reads the path
  // point under it. At most one query and one move per animation frame.
  let dragging = null;
  let pending = null;
  let moveFrame = 0;
  function onDown(ev) {
    if (ev.button !== 0) return;
    const r = points.ask(ev);
    if (ev.pointerType === 'touch' && r?.point) {
      points.show(ev, r);
      return;
    }
    if (!r?.at) return;
    ev.preventDefault();
    dragging = ev.pointerId;
    ctx.canvas.setPointerCapture?.(ev.pointerId);
    ctx.canvas.focus({ preventScroll: true });
    points.hide();
    moveStart(r.at);
  }
  function onMove(ev) {
    pending = ev;
    if (moveFrame) return;
    moveFrame = requestAnimationFrame(() => {
      moveFrame = 0;
      const e = pending;
      const r = points.ask(e);
      if (dragging === e.pointerId) {
        if (r?.at) moveStart(r.at);
      } else if (e.pointerType !== 'touch') {
        points.show(e, r);
      }
    });
  }
  function onUp(ev) {
    if (dragging !== ev.pointerId) return;
    dragging = null;
    if (ctx.canvas.hasPointerCapture?.(ev.pointerId)) ctx.canvas.releasePointerCapture(ev.pointerId);
  }
  ctx.canvas.addEventListener('pointerdown', onDown);
  ctx.canvas.addEventListener('pointermove', onMove);
  ctx.canvas.addEventListener('pointerup', onUp);
  ctx.canvas.addEventListener('pointercancel', onUp);
  ctx.canvas.classList.add('tl-draggable');

  // The keyboard equivalent: with the figure focused, the arrow keys move the start.
  const hint = el('p', { class: 'tl-keys', id: `${ctx.info?.id ?? 'optimizers'}-keys-${Math.random().toString(36).slice(2, 8)}` }, t.keys ?? '');
  bar.after(hint);
  ctx.canvas.tabIndex = 0;
  ctx.canvas.setAttribute('aria-describedby', hint.id);
  ctx.canvas.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight ArrowUp ArrowDown');
  const { x_range: xr = [-10, 10], y_range: yr = [-5, 5] } = ctx.handle.data();
  const clamp = (v, [lo, hi]) => Math.round(Math.min(hi, Math.max(lo, v)) * 100) / 100;
  function onKey(ev) {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[ev.key];
    if (!d) return;
    ev.preventDefault();
    const step = ev.shiftKey ? 10 * KEY_STEP : KEY_STEP;
    const p = ctx.handle.params();
    moveStart([clamp(p.x0 + d[0] * step, xr), clamp(p.y0 + d[1] * step, yr)]);
  }
  ctx.canvas.addEventListener('keydown', onKey);

  return {
    destroy() {
      stop();
      cancelAnimationFrame(moveFrame);
      ctx.root.removeEventListener('trainlab:drawn', onDrawn);
      ctx.canvas.removeEventListener('pointerdown', onDown);
      ctx.canvas.removeEventListener('pointermove', onMove);
      ctx.canvas.removeEventListener('pointerup', onUp);
      ctx.canvas.removeEventListener('pointercancel', onUp);
      ctx.canvas.removeEventListener('keydown', onKey);
      ctx.canvas.classList.remove('tl-draggable');
      ctx.canvas.removeAttribute('tabindex');
      points.destroy();
      hint.remove();
      bar.remove();
    },
  };
}
