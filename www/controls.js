// Controls built from a view's parameter schema (from the wasm catalogue). They hold no state of
// their own: every change goes to onInput(name, text, eventTime), and update() shows what the view
// actually uses (clamped values, list lengths). No user text is ever put into innerHTML.

import { el } from './dom.js';

let uid = 0;

const fmt = (v) => (typeof v === 'number' ? String(+v.toPrecision(12)) : String(v));

function numberInput(spec, id) {
  // a log-scale or free number (step 0) takes any value; whole numbers step by 1
  const whole = spec.kind === 'int' || spec.kind === 'seed';
  const attrs = { type: 'number', id, step: whole ? 1 : (spec.log || !spec.step ? 'any' : spec.step) };
  if (spec.min !== undefined) attrs.min = spec.min;
  if (spec.max !== undefined) attrs.max = spec.max;
  if (spec.kind === 'seed') Object.assign(attrs, { min: 0, max: 4294967295 });
  return el('input', { ...attrs, class: 'tl-number', inputmode: 'decimal' });
}

/** A slider + number pair for float and int parameters (log sliders move in log10). */
function scalarControl(spec, id, onInput) {
  const log = !!spec.log;
  const toSlider = (v) => (log ? Math.log10(v) : v);
  const fromSlider = (x) => (log ? 10 ** x : x);
  const slider = el('input', {
    type: 'range', class: 'tl-slider', 'aria-labelledby': `${id}-label`,
    min: toSlider(spec.min), max: toSlider(spec.max),
    step: log ? 'any' : (spec.kind === 'int' ? 1 : spec.step),
  });
  const number = numberInput(spec, id);
  slider.addEventListener('input', (ev) => {
    const v = fromSlider(Number(slider.value));
    const text = spec.kind === 'int' ? String(Math.round(v)) : fmt(+v.toPrecision(4));
    number.value = text;
    onInput(spec.name, text, ev.timeStamp);
  });
  number.addEventListener('change', (ev) => onInput(spec.name, number.value, ev.timeStamp));
  return {
    nodes: [slider, number],
    update(value) {
      number.value = fmt(value);
      slider.value = String(toSlider(value));
    },
  };
}

function listControl(spec, id, onInput, s, hint) {
  const box = el('div', { class: 'tl-list', role: 'group', 'aria-labelledby': `${id}-label` });
  let values = [];
  const send = (ev) => onInput(spec.name, values.map(fmt).join(','), ev.timeStamp);
  function render(data) {
    box.replaceChildren();
    values.forEach((v, i) => {
      const input = numberInput(spec, i === 0 ? id : `${id}-${i}`);
      input.value = fmt(v);
      input.setAttribute('aria-label', `${spec.name} ${i + 1}`);
      input.addEventListener('change', (ev) => {
        // Send the typed text as it is: the core validates it and says what it used. An emptied
        // box removes that line.
        const texts = values.map(fmt);
        texts[i] = input.validity.badInput ? '(not a number)' : input.value.trim();
        onInput(spec.name, texts.filter((x) => x !== '').join(','), ev.timeStamp);
      });
      const row = el('div', { class: 'tl-list-item' }, input);
      const h = hint ? hint(i, data) : '';
      row.append(el('span', { class: 'tl-hint', text: h }));
      if (values.length > spec.min_len) {
        const rm = el('button', { type: 'button', class: 'tl-icon', 'aria-label': `${s.ui.remove} ${fmt(v)}`, text: '×' });
        rm.addEventListener('click', (ev) => { values.splice(i, 1); send(ev); });
        row.append(rm);
      }
      box.append(row);
    });
    if (values.length < spec.max_len) {
      const add = el('button', { type: 'button', class: 'tl-add', text: `+ ${s.ui.add}` });
      add.addEventListener('click', (ev) => {
        // a new line halfway (in window terms) between the last value and the top of the range
        const last = values[values.length - 1] ?? spec.min;
        values.push(+Math.min(spec.max, (last + spec.max) / 2).toPrecision(3));
        send(ev);
      });
      box.append(add);
    }
  }
  return {
    nodes: [box],
    update(value, data) {
      values = value.slice();
      render(data);
    },
  };
}

/**
 * Builds the controls of one view into `form`.
 * specs: the catalogue's parameter list; texts: the view's text table; hidden: Set of names.
 * Returns { update(params, data) }.
 */
export function buildControls(form, specs, texts, s, hidden, onInput, extras = {}) {
  const controls = {};
  for (const spec of specs) {
    const id = `tl-${spec.name}-${++uid}`;
    const t = texts.params?.[spec.name] ?? { label: spec.name };
    const label = el('label', { id: `${id}-label`, for: id, text: t.label });
    const field = el('div', { class: `tl-field tl-${spec.kind}`, 'data-param': spec.name });
    if (hidden.has(spec.name)) field.hidden = true;
    let control;
    if (spec.kind === 'float' || spec.kind === 'int') {
      control = scalarControl(spec, id, onInput);
    } else if (spec.kind === 'bool') {
      const box = el('input', { type: 'checkbox', id });
      box.addEventListener('change', (ev) => onInput(spec.name, box.checked ? '1' : '0', ev.timeStamp));
      control = { nodes: [box], update: (v) => { box.checked = !!v; } };
      field.classList.add('tl-inline');
    } else if (spec.kind === 'choice') {
      const select = el('select', { id });
      for (const o of spec.options) select.append(el('option', { value: o, text: t.options?.[o] ?? o }));
      select.addEventListener('change', (ev) => onInput(spec.name, select.value, ev.timeStamp));
      control = { nodes: [select], update: (v) => { select.value = v; } };
    } else if (spec.kind === 'float_list') {
      control = listControl(spec, id, onInput, s, extras.listHint?.[spec.name]);
    } else if (spec.kind === 'seed') {
      const number = numberInput(spec, id);
      number.addEventListener('change', (ev) => onInput(spec.name, number.value, ev.timeStamp));
      const fresh = el('button', { type: 'button', class: 'tl-add', text: s.ui.new_seed });
      fresh.addEventListener('click', (ev) => onInput(spec.name, String(extras.randomSeed()), ev.timeStamp));
      control = { nodes: [number, fresh], update: (v) => { number.value = String(v); } };
    } else {
      continue;
    }
    const help = t.help ? el('p', { class: 'tl-help', id: `${id}-help`, text: t.help }) : null;
    if (help) control.nodes[0].setAttribute('aria-describedby', `${id}-help`);
    field.append(label, el('div', { class: 'tl-inputs' }, ...control.nodes), help);
    form.append(field);
    controls[spec.name] = control;
  }
  return {
    update(params, data) {
      for (const [name, c] of Object.entries(controls)) c.update(params[name], data);
    },
  };
}
