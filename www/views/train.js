// UI extension of view=train: the player (play/pause, one mini-batch, one epoch, reset, the one
// epoch-and-step counter, checkpoints), the dataset pictures in place of the data select, focusable
// buttons laid over the network diagram's units (hover, focus and arrow keys select a unit; its
// readout is drawn in the figure and written under it), the pace's clock, the DLFS presets, a CSV
// from the file picker or dropped on the figure, a click on the 2-D plot to add a point, and the
// bias/variance diagnosis panel. Every action goes to the core through handle.command() or a
// parameter change (ctx.apply); this file computes nothing itself: unit positions, readouts and
// pictures all come from the view.
import { el, button, localPoint } from '../dom.js';

const CSV_MAX_BYTES = 5_000_000;

export function attach(ctx) {
  const { handle } = ctx;
  const t = ctx.texts.ui ?? {};
  const bar = el('div', 'tl-exports tl-player');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t.group ?? 'Training');
  const addButton = (label, fn, parent = bar) => {
    const b = button('tl-button', label, fn);
    parent.append(b);
    return b;
  };
  // the one counter of the run: a big epoch number, the step and the target beside it
  const counter = el('div', { class: 'tl-train-counter', role: 'status', 'aria-live': 'off' });
  const counterEpoch = el('span', 'tl-train-epoch');
  const counterRest = el('span', 'tl-train-steps');
  counter.append(counterEpoch, counterRest);

  // the little the controls read (handle.data() would serialise every mini-batch cost); with the
  // canvas's size it also says where the diagram's units are
  const ui = () => handle.command('ui', `${ctx.canvas.clientWidth || 0},${ctx.canvas.clientHeight || 0},${handle.lang}`);
  let features = 0;
  let csvLoaded = false;
  const run = (name, arg = '') => {
    const out = handle.command(name, arg);
    render();
    clock.start();
    return out;
  };

  const play = addButton(t.pause ?? 'Pause', () => {
    if (ui().status === 'playing') run('pause');
    else { run('play'); handle.resume(); render(); clock.start(); }
  });
  play.classList.add('tl-play');
  addButton(t.step ?? 'Step (1 mini-batch)', () => run('step'));
  addButton(t.epoch ?? 'Step 1 epoch', () => run('epoch'));
  addButton(t.reset ?? 'Reset', () => run('reset'));
  bar.prepend(counter);
  const saves = el('div', 'tl-exports tl-train-saves');
  saves.setAttribute('role', 'group');
  saves.setAttribute('aria-label', t.checkpoints ?? 'Checkpoints');
  addButton(t.checkpoint ?? 'Save checkpoint', () => run('checkpoint'), saves);
  const checkpoints = el('select', 'tl-select');
  checkpoints.setAttribute('aria-label', t.checkpoints ?? 'Checkpoints');
  saves.append(checkpoints);
  addButton(t.restore ?? 'Go back', () => { if (checkpoints.value) run('restore', checkpoints.value); }, saves);
  bar.append(saves);

  // ---- dataset pictures instead of the data select --------------------------------------------
  const dataField = ctx.form.querySelector('[data-param="dataset"]');
  const dataSelect = dataField?.querySelector('select');
  const pictures = el('div', { class: 'tl-train-datasets', role: 'radiogroup', 'aria-label': ctx.texts.params?.dataset?.label ?? 'Data' });
  const thumbs = handle.command('thumbnails') ?? {};
  const pictureButtons = new Map();
  const urls = [];
  // in the schema's order (the select's options), not the pictures' (alphabetical) keys
  for (const id of [...(dataSelect?.options ?? [])].map((o) => o.value).filter((id) => thumbs[id])) {
    const name = ctx.texts.params?.dataset?.options?.[id] ?? id;
    const url = URL.createObjectURL(new Blob([thumbs[id]], { type: 'image/svg+xml' }));
    urls.push(url);
    const img = el('img', { src: url, alt: '', width: 48, height: 48, decoding: 'async' });
    const b = el('button', { type: 'button', class: 'tl-train-dataset', role: 'radio', 'aria-checked': 'false', 'data-dataset': id }, img, el('span', null, name));
    b.addEventListener('click', () => {
      // "your CSV" opens the file picker until a file is loaded
      if (id === 'csv' && !csvLoaded) file.click();
      else ctx.apply(`dataset=${id}`);
    });
    pictures.append(b);
    pictureButtons.set(id, b);
  }
  if (dataField && dataSelect && pictureButtons.size) {
    dataSelect.hidden = true;
    dataSelect.setAttribute('aria-hidden', 'true');
    dataSelect.tabIndex = -1;
    dataField.querySelector('.tl-inputs').append(pictures);
    dataField.querySelector('label')?.removeAttribute('for');
  }

  // ---- the tools under the figure: presets, CSV, the class a click adds --------------------------
  const tools = el('div', 'tl-exports tl-player');
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', t.tools ?? 'Data and presets');
  const presets = el('select', 'tl-select');
  presets.setAttribute('aria-label', t.preset ?? 'Preset');
  for (const p of handle.data().presets ?? []) {
    const o = el('option', null, t.presets?.[p.id] ?? p.id);
    o.value = p.id;
    presets.append(o);
  }
  tools.append(presets);
  addButton(t.load_preset ?? 'Load preset', () => {
    const r = run('preset', presets.value);
    if (r?.query) ctx.apply(r.query);
  }, tools);
  const file = el('input');
  file.type = 'file';
  file.accept = '.csv,.tsv,.txt,text/csv';
  file.hidden = true;
  addButton(t.csv ?? 'Load CSV…', () => file.click(), tools);
  tools.append(file);
  const classLabel = el('label', 'tl-export-label', t.click_class ?? 'Click adds class');
  const classes = el('select', 'tl-select');
  classLabel.append(classes);
  tools.append(classLabel);

  const panel = el('section', 'tl-diagnosis');
  panel.setAttribute('aria-live', 'polite');
  const panelTitle = el('h3', null, t.diagnosis ?? 'Diagnosis');
  const panelText = el('p');
  panel.append(panelTitle, panelText);

  // ---- the units of the network diagram: buttons over the figure, and the readout in words -----
  const overlay = el('div', { class: 'tl-train-units', role: 'group', 'aria-label': t.units ?? 'Units of the network' });
  const readout = el('p', { class: 'tl-train-readout', 'aria-live': 'polite' });
  readout.textContent = t.readout_hint ?? '';
  ctx.canvas.after(overlay);
  // the buttons are placed in the canvas's CSS pixels, from its inner top-left corner
  const alignOverlay = () => {
    overlay.style.left = `${ctx.canvas.offsetLeft + ctx.canvas.clientLeft}px`;
    overlay.style.top = `${ctx.canvas.offsetTop + ctx.canvas.clientTop}px`;
  };
  ctx.figure.append(readout);
  let unitKey = '';
  let unitButtons = [];
  let focused = '';
  const select = (key) => {
    if (key === focused) return;
    focused = key;
    run('unit', key);
  };
  function placeUnits(units) {
    const key = JSON.stringify(units ?? []);
    if (key === unitKey) return;
    unitKey = key;
    alignOverlay();
    const active = document.activeElement?.dataset?.unit;
    overlay.replaceChildren();
    unitButtons = (units ?? []).map((u, i) => {
      const id = `${u.layer},${u.unit}`;
      const b = el('button', {
        type: 'button', class: 'tl-train-unit', 'data-unit': id, tabindex: i === 0 ? '0' : '-1',
        'aria-label': t.unit_label ? t.unit_label(u, d0.sizes) : `layer ${u.layer}, unit ${u.unit + 1}`,
      });
      Object.assign(b.style, { left: `${u.x}px`, top: `${u.y}px`, width: `${u.side}px`, height: `${u.side}px` });
      b.addEventListener('focus', () => { roving(b); select(id); });
      b.addEventListener('pointerenter', () => select(id));
      b.addEventListener('click', () => select(id));
      overlay.append(b);
      return { b, u };
    });
    if (active) overlay.querySelector(`[data-unit="${active}"]`)?.focus();
  }
  function roving(current) {
    for (const { b } of unitButtons) b.tabIndex = b === current ? 0 : -1;
  }
  // arrow keys: up/down within a layer, left/right to the next layer's nearest unit
  overlay.addEventListener('keydown', (e) => {
    const i = unitButtons.findIndex(({ b }) => b === document.activeElement);
    if (i < 0) return;
    const { u } = unitButtons[i];
    const same = unitButtons.filter((x) => x.u.layer === u.layer);
    const k = same.findIndex((x) => x.u.unit === u.unit);
    let next = null;
    if (e.key === 'ArrowDown') next = same[Math.min(same.length - 1, k + 1)];
    else if (e.key === 'ArrowUp') next = same[Math.max(0, k - 1)];
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const layer = u.layer + (e.key === 'ArrowRight' ? 1 : -1);
      const there = unitButtons.filter((x) => x.u.layer === layer);
      next = there.sort((a, b) => Math.abs(a.u.y - u.y) - Math.abs(b.u.y - u.y))[0];
    } else if (e.key === 'Escape') {
      document.activeElement.blur();
      select('');
      return;
    } else return;
    e.preventDefault();
    next?.b.focus();
  });
  overlay.addEventListener('pointerleave', () => { if (!overlay.contains(document.activeElement)) select(''); });
  overlay.addEventListener('focusout', (e) => { if (!overlay.contains(e.relatedTarget)) select(''); });

  // The training buttons sit right above the figure; data tools and the diagnosis below it.
  ctx.root.querySelector('.tl-body').before(bar);
  ctx.root.querySelector('.tl-tables').before(tools, panel);
  // Embedded in a small frame (embed=1): the training buttons only; the diagnosis is also in the
  // figure's text alternative, and data tools belong to the full lab.
  if (document.body.classList.contains('embed')) {
    tools.hidden = true;
    panel.hidden = true;
    saves.hidden = true;
  }

  async function loadFile(f) {
    if (!f) return;
    // Read at most one byte more than the core accepts, so it can say the file is too big.
    const text = await (f.size > CSV_MAX_BYTES ? f.slice(0, CSV_MAX_BYTES + 1) : f).text();
    const r = run('csv', text);
    if (r) csvLoaded = true;
    if (r?.query) ctx.apply(r.query);
    render();
  }
  file.addEventListener('change', () => loadFile(file.files?.[0]));
  const onDragOver = (e) => { e.preventDefault(); ctx.figure.classList.add('tl-drop'); };
  const onDragLeave = () => ctx.figure.classList.remove('tl-drop');
  const onDrop = (e) => {
    e.preventDefault();
    ctx.figure.classList.remove('tl-drop');
    loadFile(e.dataTransfer?.files?.[0]);
  };
  ctx.figure.addEventListener('dragover', onDragOver);
  ctx.figure.addEventListener('dragleave', onDragLeave);
  ctx.figure.addEventListener('drop', onDrop);

  const onClick = (e) => {
    if (features !== 2) return;
    // the canvas's own CSS pixels, also when a host scales the page (a reveal.js slide)
    const p = localPoint(ctx.canvas, e);
    const cls = e.shiftKey ? 0 : Number(classes.value || 1);
    run('add_point', { ...p, class: cls });
  };
  ctx.canvas.addEventListener('click', onClick);

  // ---- the pace: the time of every animation frame while the run trains -------------------------
  const clock = {
    frame: 0,
    on: false,
    start() {
      if (this.on) return;
      this.on = true;
      this.frame = requestAnimationFrame((ms) => this.tick(ms));
    },
    done: -1,
    draws: 0,
    tick(ms) {
      const work = handle.work();
      if (!work.running) { this.on = false; return; }
      handle.command('clock', String(ms));
      // A paced run takes a few cheap steps a frame, which the work loop reads as work done
      // elsewhere and redraws only a few times a second: redraw the figure here when the run
      // moved and nothing drew it since (the tables and the text follow at the loop's rate).
      const done = work.progress?.done ?? -1;
      if (done !== this.done && handle.stats.drawMs.length === this.draws) handle.redraw();
      this.done = done;
      this.draws = handle.stats.drawMs.length;
      this.frame = requestAnimationFrame((m) => this.tick(m));
    },
    stop() { cancelAnimationFrame(this.frame); this.on = false; },
  };

  let d0 = { sizes: [] };
  let checkpointKey = '';
  // Touch the DOM only where something changed: this runs a few times a second while training,
  // and every write costs a style and layout pass on the core the training needs.
  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
  const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };
  function render() {
    const d = ui();
    if (!d) return;
    d0 = d;
    features = d.features;
    setText(play, d.status === 'playing' ? (t.pause ?? 'Pause') : (t.play ?? 'Play'));
    setAttr(play, 'aria-pressed', String(d.status === 'playing'));
    setText(counterEpoch, t.counter_epoch ? t.counter_epoch(d) : `Epoch ${d.epoch}`);
    setText(counterRest, t.counter_rest ? t.counter_rest(d) : `of ${d.epochs} · step ${d.step}`);
    setAttr(counter, 'data-status', d.status);
    const key = JSON.stringify(d.checkpoints);
    const keep = checkpoints.value;
    if (key !== checkpointKey) checkpoints.replaceChildren();
    for (const c of key === checkpointKey ? [] : d.checkpoints) {
      const o = el('option', null, t.checkpoint_item ? t.checkpoint_item(c) : `#${c.id}: epoch ${c.epoch}, step ${c.step}`);
      o.value = String(c.id);
      checkpoints.append(o);
    }
    if (key !== checkpointKey) {
      checkpointKey = key;
      if (keep && d.checkpoints.some((c) => String(c.id) === keep)) checkpoints.value = keep;
      else if (d.checkpoints.length) checkpoints.value = String(d.checkpoints[d.checkpoints.length - 1].id);
    }
    const wanted = d.features === 2 ? d.classes : 0;
    if (classes.options.length !== wanted) {
      classes.replaceChildren();
      for (let k = 0; k < wanted; k++) {
        const o = el('option', null, String(k));
        o.value = String(k);
        classes.append(o);
      }
      if (wanted) classes.value = String(wanted - 1);
    }
    if (classLabel.hidden !== (wanted === 0)) classLabel.hidden = wanted === 0;
    setText(panelText, t.diagnosis_text ? t.diagnosis_text(d.diagnosis) : JSON.stringify(d.diagnosis));
    placeUnits(d.units);
    focused = d.focus ? `${d.focus.layer},${d.focus.unit}` : '';
    for (const { b } of unitButtons) setAttr(b, 'aria-pressed', String(b.dataset.unit === focused));
    setText(readout, d.focus?.text ?? t.readout_hint ?? '');
    const dataset = handle.params().dataset;
    for (const [id, b] of pictureButtons) setAttr(b, 'aria-checked', String(id === dataset));
    if (dataset === 'csv') csvLoaded = true;
  }
  render();
  clock.start();
  // While training runs, the counter and the diagnosis panel follow it (a few times a second, not
  // every frame: the figure itself redraws every frame).
  const timer = setInterval(() => {
    if (handle.work().running) { render(); clock.start(); }
  }, 250);
  const onDone = () => { render(); clock.start(); };
  const resize = new ResizeObserver(() => { alignOverlay(); render(); });
  resize.observe(ctx.canvas);
  ctx.root.addEventListener('trainlab:drawn', onDone);
  ctx.root.addEventListener('trainlab:done', onDone);
  return {
    destroy() {
      clearInterval(timer);
      clock.stop();
      resize.disconnect();
      ctx.root.removeEventListener('trainlab:drawn', onDone);
      ctx.root.removeEventListener('trainlab:done', onDone);
      ctx.canvas.removeEventListener('click', onClick);
      ctx.figure.removeEventListener('dragover', onDragOver);
      ctx.figure.removeEventListener('dragleave', onDragLeave);
      ctx.figure.removeEventListener('drop', onDrop);
      bar.remove();
      tools.remove();
      panel.remove();
      overlay.remove();
      readout.remove();
      pictures.remove();
      urls.forEach((u) => URL.revokeObjectURL(u));
      if (dataSelect) dataSelect.hidden = false;
    },
  };
}
