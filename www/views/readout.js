// Readouts over a figure (view=activations, batchnorm, gradcheck): a pointer over it, a tap on it,
// or the arrow keys once it has focus point at a part of it (a histogram's bin, a grid cell, a
// bar), and a label names it with its numbers, beside a frame around that part. The parts and
// their words come from the view (the read-only query `targets`, src/app/targets.rs: the view
// draws its figure again at the canvas's size and says where each part went), so nothing here
// computes what the core computes.
//
// For a view whose words have `computed`, the line under the figure also says how long the last
// input took: drawn at once, or computed as long work a little per frame while the old figure
// stayed (view=activations beyond DLFS's sizes).
import { el, localPoint } from '../dom.js';

/** The least time between two `targets` queries while the figure keeps changing (ms). */
const REQUERY_MS = 150;

export function attach({ handle, root, figure, canvas, texts }) {
  const mark = el('div', { class: 'tl-readout-mark', 'aria-hidden': 'true' });
  const label = el('div', { class: 'tl-readout', role: 'status', 'aria-live': 'polite' });
  mark.hidden = true;
  label.hidden = true;
  figure.append(mark, label);
  canvas.tabIndex = 0;
  if (texts.readout_hint) {
    const hint = el('span', { class: 'tl-readout-hint', id: `tl-hint-${Math.random().toString(36).slice(2)}` }, texts.readout_hint);
    figure.append(hint);
    canvas.setAttribute('aria-describedby', hint.id);
  }

  let cache = { key: '', at: 0, targets: [] };
  let current = -1;

  /** The canvas's drawing size in CSS px (what the view drew at) and its scale on screen. */
  function frame() {
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    const width = canvas.width / dpr;
    const height = canvas.height / dpr;
    return { width, height, sx: canvas.clientWidth / width, sy: canvas.clientHeight / height };
  }

  function targets() {
    const { width, height } = frame();
    const key = `${width}x${height}:${handle.stats.drawMs.length}`;
    const now = performance.now();
    const sameSize = cache.key.split(':')[0] === key.split(':')[0];
    if (cache.key !== key && !(sameSize && now - cache.at < REQUERY_MS)) {
      const r = handle.command('targets', { width, height, lang: handle.lang });
      cache = { key, at: now, targets: r?.targets ?? [] };
    }
    return cache.targets;
  }

  function hide() {
    mark.hidden = true;
    label.hidden = true;
  }

  function show(i) {
    const list = targets();
    const t = list[i];
    if (!t) {
      hide();
      return;
    }
    current = i;
    const { sx, sy } = frame();
    // in the figure's own CSS pixels (the mark is positioned inside it): screen offsets divided
    // by the scale a host applies (a reveal.js slide)
    const c = canvas.getBoundingClientRect();
    const f = figure.getBoundingClientRect();
    const scale = f.width / (figure.offsetWidth || f.width || 1) || 1;
    const left = (c.left - f.left) / scale + canvas.clientLeft;
    const top = (c.top - f.top) / scale + canvas.clientTop;
    const box = { x: left + t.x0 * sx, y: top + t.y0 * sy, w: Math.max(2, (t.x1 - t.x0) * sx), h: Math.max(2, (t.y1 - t.y0) * sy) };
    Object.assign(mark.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
    mark.hidden = false;
    label.textContent = t.label;
    label.hidden = false;
    // above the part when there is room, else below it; never past the figure's edges
    const lw = label.offsetWidth;
    const lh = label.offsetHeight;
    const fw = figure.offsetWidth || f.width;
    const fh = figure.offsetHeight || f.height;
    const x = Math.min(Math.max(0, box.x + box.w / 2 - lw / 2), Math.max(0, fw - lw));
    const y = box.y - lh - 6 >= 0 ? box.y - lh - 6 : Math.min(box.y + box.h + 6, Math.max(0, fh - lh));
    Object.assign(label.style, { left: `${x}px`, top: `${y}px` });
  }

  /** The target under client point (x, y), or -1. */
  function at(x, y) {
    const { sx, sy } = frame();
    // the canvas's own CSS pixels, also when a host scales it (a reveal.js slide)
    const p = localPoint(canvas, { clientX: x, clientY: y });
    const px = (p.x - canvas.clientLeft) / sx;
    const py = (p.y - canvas.clientTop) / sy;
    return targets().findIndex((t) => px >= t.x0 && px < t.x1 && py >= t.y0 && py <= t.y1);
  }

  const onMove = (e) => {
    const i = at(e.clientX, e.clientY);
    if (i < 0) hide();
    else show(i);
  };
  canvas.addEventListener('pointermove', (e) => { if (e.pointerType !== 'touch') onMove(e); });
  canvas.addEventListener('pointerdown', onMove);
  canvas.addEventListener('pointerleave', (e) => { if (e.pointerType !== 'touch' && document.activeElement !== canvas) hide(); });

  /** The next target from `i` for a key: left/right within its group, up/down to the group before/after. */
  function step(i, key) {
    const list = targets();
    if (!list.length) return -1;
    if (i < 0 || i >= list.length) return 0;
    const group = list[i].group;
    const inGroup = (g) => list.map((t, k) => [t, k]).filter(([t]) => t.group === g).map(([, k]) => k);
    const mine = inGroup(group);
    const pos = mine.indexOf(i);
    if (key === 'ArrowRight') return mine[Math.min(pos + 1, mine.length - 1)];
    if (key === 'ArrowLeft') return mine[Math.max(pos - 1, 0)];
    if (key === 'Home') return mine[0];
    if (key === 'End') return mine[mine.length - 1];
    const groups = [...new Set(list.map((t) => t.group))];
    const g = groups.indexOf(group) + (key === 'ArrowDown' ? 1 : -1);
    if (g < 0 || g >= groups.length) return i;
    const next = inGroup(groups[g]);
    return next[Math.min(pos, next.length - 1)];
  }

  canvas.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      hide();
      return;
    }
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    show(step(current, e.key));
  });
  canvas.addEventListener('focus', () => show(current >= 0 ? current : 0));
  canvas.addEventListener('blur', hide);
  // a new figure: the label follows the part it names (the same index), or goes
  const refresh = () => {
    if (label.hidden) return;
    if (document.activeElement === canvas) show(current);
    else hide();
  };
  root.addEventListener('trainlab:drawn', refresh);

  // how long the last input took (views whose words say it)
  const timing = texts.computed ? el('p', { class: 'tl-timing', 'aria-live': 'polite' }) : null;
  let started = null;
  let frames = 0;
  if (timing) {
    canvas.after(timing);
    const begin = () => { started = performance.now(); };
    root.addEventListener('input', begin, true);
    root.addEventListener('change', begin, true);
    root.addEventListener('click', (e) => { if (e.target.closest?.('.tl-step-button')) begin(); }, true);
    const count = () => {
      if (started === null) return;
      frames += 1;
      requestAnimationFrame(count);
    };
    root.addEventListener('trainlab:drawn', () => {
      if (started === null) return;
      // the page starts the view's long work right after this event: look once it has
      queueMicrotask(() => {
        const w = handle.work();
        if (w.progress && w.progress.done < w.progress.total) {
          timing.textContent = texts.computing;
          frames = 0;
          requestAnimationFrame(count);
          return;
        }
        timing.textContent = texts.computed(performance.now() - started, 0);
        started = null;
      });
    });
    root.addEventListener('trainlab:done', () => {
      if (started === null) return;
      timing.textContent = texts.computed(performance.now() - started, Math.max(1, frames));
      started = null;
    });
  }

  return {
    destroy() {
      hide();
      mark.remove();
      label.remove();
      timing?.remove();
    },
  };
}
