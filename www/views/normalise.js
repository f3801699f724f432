// UI extension of view=normalise (minibatch and optima use it too): press or drag on a contour
// plot to move the start of the paths there. It only turns pointer events into parameter changes
// (ctx.apply); where the plots are and which weights they show comes from the view's read-only
// `geometry` query, so the page never lays the figure out itself.
import { localPoint } from '../dom.js';

/** Decimals that keep a start on a window `span` wide to about a thousandth of it. */
const decimals = (span) => Math.min(8, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(span) || 1))));

/**
 * Lets the reader drag the start on the view's contour plots. `names` are the start's two
 * parameters unless a plot's geometry names its own (optima: one pair per surface).
 */
export function attachDrag(ctx, names = ['w1', 'w2']) {
  const { canvas } = ctx;
  let dragging = false;
  let frame = 0;
  let pending = null;

  /** The plot under the pointer and the weights there, or null. */
  function hit(ev) {
    const p = localPoint(canvas, ev);
    const plots = ctx.handle.command('geometry', `${p.width},${p.height}`) ?? [];
    for (const g of plots) {
      const [x, y, w, h] = g.rect;
      if (p.x < x || p.x > x + w || p.y < y || p.y > y + h) continue;
      const wx = g.x[0] + ((p.x - x) / w) * (g.x[1] - g.x[0]);
      const wy = g.y[1] - ((p.y - y) / h) * (g.y[1] - g.y[0]);
      const round = (v, span) => +v.toFixed(decimals(span));
      return { names: g.params ?? names, value: [round(wx, g.x[1] - g.x[0]), round(wy, g.y[1] - g.y[0])] };
    }
    return null;
  }

  function flush() {
    frame = 0;
    if (!pending) return;
    const { names: [a, b], value: [x, y] } = pending;
    pending = null;
    ctx.apply(`${a}=${x}&${b}=${y}`);
  }

  function move(ev) {
    const h = hit(ev);
    if (!h) return false;
    pending = h;
    if (!frame) frame = requestAnimationFrame(flush);
    return true;
  }

  function down(ev) {
    if (ev.button !== undefined && ev.button !== 0) return;
    if (!move(ev)) return;
    dragging = true;
    canvas.setPointerCapture?.(ev.pointerId);
    ev.preventDefault();
  }
  function drag(ev) {
    if (dragging) move(ev);
  }
  function up() {
    dragging = false;
  }
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', drag);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.style.cursor = 'crosshair';
  return {
    destroy() {
      cancelAnimationFrame(frame);
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', drag);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      canvas.style.cursor = '';
    },
  };
}

export function attach(ctx) {
  return attachDrag(ctx);
}
