// Shared helpers of the view extensions: code blocks filled with textContent (never innerHTML),
// and the readout that names what is under the pointer on a figure (the view's `readout` query
// answers; the page's words say it).
import { el, localPoint } from '../dom.js';

/** A code figure captioned `title`, to be filled by fillCode. */
export function codeBlock(title) {
  return el('figure', 'tl-code', el('figcaption', { text: title }));
}

/** Replaces the blocks under `fig` by one <pre><code> per [label, text] pair. */
export function fillCode(fig, blocks) {
  fig.querySelectorAll('section').forEach((s) => s.remove());
  for (const [label, text] of blocks) {
    const code = el('pre', { tabindex: 0 }, el('code', { text }));
    fig.append(el('section', {}, label ? el('h4', { text: label }) : null, code));
  }
}

/** The pointer of event `ev` on `canvas` as the views' `readout` query takes it (CSS pixels). */
export function pointerOn(canvas, ev) {
  // in the canvas's own CSS pixels, also when a host scales it (a reveal.js slide)
  return localPoint(canvas, ev);
}

/**
 * A readout box over the figure. `words(result)` turns the view's `readout` answer into a line
 * (empty: nothing to say). With `hover` (the default), moving a mouse over the figure and
 * pressing on it (a tap) show the line beside the pointer; leaving the figure hides it.
 * Returns { ask(ev), show(ev, result), hide(), destroy() }.
 */
export function readout(ctx, words, { hover = true } = {}) {
  const box = el('div', { class: 'tl-readout', role: 'status', 'aria-live': 'polite' });
  box.hidden = true;
  ctx.figure.append(box);
  const ask = (ev) => ctx.handle.command('readout', pointerOn(ctx.canvas, ev));
  const hide = () => { box.hidden = true; };
  function show(ev, result) {
    const text = result == null ? '' : words(result);
    if (!text) { hide(); return; }
    box.textContent = text;
    box.hidden = false;
    // beside the pointer, inside the figure: above it, or below it near the top edge
    // (the figure's own CSS pixels: the box is positioned inside it, also in a scaled slide)
    const fig = localPoint(ctx.figure, ev);
    const { x, y } = fig;
    const w = box.offsetWidth;
    const h = box.offsetHeight;
    box.style.left = `${Math.max(0, Math.min(x + 12, fig.width - w))}px`;
    box.style.top = `${y - h - 12 >= 0 ? y - h - 12 : y + 18}px`;
  }
  // one query per animation frame at most, for the latest pointer position
  let frame = 0;
  let last = null;
  const later = (ev) => {
    last = ev;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      show(last, ask(last));
    });
  };
  const onMove = (ev) => { if (ev.pointerType !== 'touch') later(ev); };
  const onDown = (ev) => show(ev, ask(ev));
  if (hover) {
    ctx.canvas.addEventListener('pointermove', onMove);
    ctx.canvas.addEventListener('pointerdown', onDown);
  }
  ctx.canvas.addEventListener('pointerleave', hide);
  return {
    ask, show, hide,
    destroy() {
      cancelAnimationFrame(frame);
      ctx.canvas.removeEventListener('pointermove', onMove);
      ctx.canvas.removeEventListener('pointerdown', onDown);
      ctx.canvas.removeEventListener('pointerleave', hide);
      box.remove();
    },
  };
}
