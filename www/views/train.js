// UI extension of view=train: play/pause, step one mini-batch, step one epoch, reset, checkpoints,
// the DLFS presets, a CSV from the file picker or dropped on the figure, a click on the 2-D plot to
// add a point, and the bias/variance diagnosis panel. Every action goes to the core through
// handle.command() or a parameter change (ctx.apply); this file computes nothing itself.
import { el, button } from '../dom.js';

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
  const status = el('span', 'tl-export-status');
  status.setAttribute('role', 'status');

  // the little the controls read (handle.data() would serialise every mini-batch cost)
  const ui = () => handle.command('ui');
  let features = 0;
  const run = (name, arg = '') => {
    const out = handle.command(name, arg);
    render();
    return out;
  };

  const play = addButton(t.pause ?? 'Pause', () => {
    if (ui().status === 'playing') run('pause');
    else { run('play'); handle.resume(); render(); }
  });
  addButton(t.step ?? 'Step (1 mini-batch)', () => run('step'));
  addButton(t.epoch ?? 'Step 1 epoch', () => run('epoch'));
  addButton(t.reset ?? 'Reset', () => run('reset'));
  addButton(t.checkpoint ?? 'Save checkpoint', () => run('checkpoint'));
  const checkpoints = el('select', 'tl-select');
  checkpoints.setAttribute('aria-label', t.checkpoints ?? 'Checkpoints');
  bar.append(checkpoints);
  addButton(t.restore ?? 'Go back', () => { if (checkpoints.value) run('restore', checkpoints.value); });

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
  bar.append(status);
  // The training buttons sit right above the figure; data tools and the diagnosis below it.
  ctx.root.querySelector('.tl-body').before(bar);
  ctx.root.querySelector('.tl-tables').before(tools, panel);
  // Embedded in a small frame (embed=1): the training buttons only; the diagnosis is also in the
  // figure's text alternative, and data tools belong to the full lab.
  if (document.body.classList.contains('embed')) {
    tools.hidden = true;
    panel.hidden = true;
  }

  async function loadFile(f) {
    if (!f) return;
    // Read at most one byte more than the core accepts, so it can say the file is too big.
    const text = await (f.size > CSV_MAX_BYTES ? f.slice(0, CSV_MAX_BYTES + 1) : f).text();
    const r = run('csv', text);
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
    const r = ctx.canvas.getBoundingClientRect();
    const cls = e.shiftKey ? 0 : Number(classes.value || 1);
    run('add_point', { x: e.clientX - r.left, y: e.clientY - r.top, width: r.width, height: r.height, class: cls });
  };
  ctx.canvas.addEventListener('click', onClick);

  function render() {
    const d = ui();
    if (!d) return;
    features = d.features;
    play.textContent = d.status === 'playing' ? (t.pause ?? 'Pause') : (t.play ?? 'Play');
    play.setAttribute('aria-pressed', String(d.status === 'playing'));
    status.textContent = t.status ? t.status(d) : `${d.status}: epoch ${d.epoch}, step ${d.step}`;
    const keep = checkpoints.value;
    checkpoints.replaceChildren();
    for (const c of d.checkpoints) {
      const o = el('option', null, t.checkpoint_item ? t.checkpoint_item(c) : `#${c.id}: epoch ${c.epoch}, step ${c.step}`);
      o.value = String(c.id);
      checkpoints.append(o);
    }
    if (keep && d.checkpoints.some((c) => String(c.id) === keep)) checkpoints.value = keep;
    else if (d.checkpoints.length) checkpoints.value = String(d.checkpoints[d.checkpoints.length - 1].id);
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
    classLabel.hidden = wanted === 0;
    panelText.textContent = t.diagnosis_text ? t.diagnosis_text(d.diagnosis) : JSON.stringify(d.diagnosis);
  }
  render();
  // While training runs, the diagnosis panel follows it (a few times a second, not every frame).
  const timer = setInterval(() => { if (handle.work().running) render(); }, 400);
  const onDone = () => render();
  ctx.root.addEventListener('trainlab:drawn', onDone);
  ctx.root.addEventListener('trainlab:done', onDone);
  return {
    destroy() {
      clearInterval(timer);
      ctx.root.removeEventListener('trainlab:drawn', onDone);
      ctx.root.removeEventListener('trainlab:done', onDone);
      ctx.canvas.removeEventListener('click', onClick);
      ctx.figure.removeEventListener('dragover', onDragOver);
      ctx.figure.removeEventListener('dragleave', onDragLeave);
      ctx.figure.removeEventListener('drop', onDrop);
      bar.remove();
      tools.remove();
      panel.remove();
    },
  };
}
