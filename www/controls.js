// Controls built from a view's parameter schema (from the wasm catalogue). They hold no state of
// their own: every change goes to onInput(name, text, eventTime), and update() shows what the view
// actually uses (clamped values, list lengths). No user text is ever put into innerHTML.
//
// Layout: the view's main controls (spec.main) come first; the others fold under their group
// (Data, Network, Optimisation, ...) in a <details>. A parameter whose relevance rule
// (spec.when) does not hold is hidden and keeps its value (it stays in the URL). Sliders move
// evenly in the value, in log10 (rates), through powers of two (batch sizes) or in log10(1 − v)
// (β, whose window is 1/(1 − β)).
import { el, button } from './dom.js';

let uid = 0;

/** The number as the URL and the inputs spell it (no float noise past 12 digits). */
const fmt = (v) => (typeof v === 'number' ? String(+v.toPrecision(12)) : String(v));

/** Whether relevance rule `rule` (see app/params/mod.rs `When`) holds for `params`. */
export function holds(rule, params) {
  switch (rule?.rule) {
    case undefined:
    case 'always': return true;
    case 'on': return !!params[rule.param];
    case 'one_of': return rule.values.includes(params[rule.param]);
    case 'none_of': return !rule.values.includes(params[rule.param]);
    case 'below': return Number(params[rule.param]) < rule.value;
    case 'at_least': return Number(params[rule.param]) >= rule.value;
    case 'all': return rule.rules.every((r) => holds(r, params));
    default: return true;
  }
}

function numberInput(spec, id) {
  // a log-scale or free number (step 0) takes any value; whole numbers step by 1
  const whole = spec.kind === 'int' || spec.kind === 'seed';
  const attrs = { type: 'number', id, step: whole ? 1 : (spec.log || !spec.step ? 'any' : spec.step) };
  if (spec.min !== undefined) attrs.min = spec.min;
  if (spec.max !== undefined) attrs.max = spec.max;
  if (spec.kind === 'seed') Object.assign(attrs, { min: 0, max: 4294967295 });
  return el('input', { ...attrs, class: 'tl-number', inputmode: 'decimal' });
}

/** The slider's scale: value <-> position, the position's range and step, and how a position
 * is written back as text. */
function sliderScale(spec) {
  const whole = spec.kind === 'int';
  const kind = spec.slider ?? (spec.log ? 'log' : 'linear');
  if (kind === 'log_zero' && spec.max > 0) {
    // a log slider whose leftmost notch is 0 (λ: no L2), the others moving
    // evenly in log10 over six decades below the maximum
    const lo = Math.log10(spec.max) - 6;
    return {
      to: (v) => (v > 0 ? Math.max(Math.log10(v), lo) : lo - 0.5), from: (x) => (x < lo ? 0 : 10 ** x),
      min: lo - 0.5, max: Math.log10(spec.max), step: 'any',
      text: (v) => (whole ? String(Math.round(v)) : fmt(+v.toPrecision(3))),
    };
  }
  // A range that admits an invalid edge (a learning rate of 0, β = 1) so that the core refuses it
  // with its own message: the slider stops short of that edge (the number box still takes it).
  const logLow = spec.min > 0 ? spec.min : whole ? 1 : spec.max * 1e-5;
  if (kind === 'log' && logLow < spec.max) {
    return {
      to: (v) => Math.log10(Math.max(v, logLow)), from: (x) => 10 ** x,
      min: Math.log10(logLow), max: Math.log10(spec.max), step: 'any',
      text: (v) => (whole ? String(Math.round(v)) : fmt(+v.toPrecision(3))),
    };
  }
  if (kind === 'pow2' && spec.min >= 1) {
    const lo = Math.ceil(Math.log2(spec.min));
    const hi = Math.floor(Math.log2(spec.max));
    return {
      to: (v) => Math.round(Math.log2(Math.max(v, 1))), from: (x) => 2 ** Math.round(x),
      min: lo, max: hi, step: 1, text: (v) => String(Math.round(v)),
    };
  }
  const oneMinusHigh = spec.max < 1 ? spec.max : 0.9999;
  const oneMinusLow = Math.max(spec.min, 0);
  if (kind === 'log_one_minus' && oneMinusLow < oneMinusHigh) {
    // position = −log10(1 − v): 0.9 -> 1, 0.99 -> 2, 0.999 -> 3 (a window of 10, 100, 1000)
    return {
      to: (v) => -Math.log10(1 - Math.min(Math.max(v, oneMinusLow), oneMinusHigh)), from: (x) => 1 - 10 ** -x,
      min: -Math.log10(1 - oneMinusLow), max: -Math.log10(1 - oneMinusHigh), step: 'any',
      text: (v) => fmt(1 - +(1 - v).toPrecision(2)),
    };
  }
  return {
    to: (v) => v, from: (x) => x, min: spec.min, max: spec.max, step: whole ? 1 : spec.step || 'any',
    text: (v) => (whole ? String(Math.round(v)) : fmt(+v.toPrecision(4))),
  };
}

/** A slider + number pair for one number; `send(text, event)` takes the value's text. */
function sliderPair(spec, id, labelId, send) {
  const scale = sliderScale(spec);
  const slider = el('input', {
    type: 'range', class: 'tl-slider', 'aria-labelledby': labelId,
    min: scale.min, max: scale.max, step: scale.step,
  });
  const number = numberInput(spec, id);
  slider.addEventListener('input', (ev) => {
    const text = scale.text(scale.from(Number(slider.value)));
    number.value = text;
    send(text, ev);
  });
  // while the learner types (until Enter or leaving the box) a redraw does not overwrite the
  // box: a training view shows its controls' values every frame
  let typing = false;
  number.addEventListener('input', () => { typing = true; });
  number.addEventListener('blur', () => { typing = false; });
  number.addEventListener('change', (ev) => { typing = false; send(number.value, ev); });
  return {
    slider, number,
    show(value) {
      if (!typing) number.value = fmt(value);
      slider.value = String(scale.to(value));
      slider.setAttribute('aria-valuetext', fmt(value));
    },
  };
}

function scalarControl(spec, id, onInput) {
  const pair = sliderPair(spec, id, `${id}-label`, (text, ev) => onInput(spec.name, text, ev.timeStamp));
  return { nodes: [pair.slider, pair.number], update: (value) => pair.show(value) };
}

function listControl(spec, id, onInput, s, label, hint) {
  const box = el('div', { class: 'tl-list', role: 'group', 'aria-labelledby': `${id}-label` });
  let values = [];
  const send = (ev) => onInput(spec.name, values.map(fmt).join(','), ev.timeStamp);
  const withSliders = spec.slider && spec.slider !== 'linear';
  function render(data) {
    box.replaceChildren();
    values.forEach((v, i) => {
      const itemId = i === 0 ? id : `${id}-${i}`;
      // Send the typed text as it is: the core validates it and says what it used. An emptied
      // box removes that line.
      const sendItem = (text, ev) => {
        const texts = values.map(fmt);
        texts[i] = text;
        onInput(spec.name, texts.filter((x) => x !== '').join(','), ev.timeStamp);
      };
      const row = el('div', 'tl-list-item');
      if (withSliders) {
        const pair = sliderPair(spec, itemId, `${id}-label`, sendItem);
        pair.show(v);
        pair.slider.setAttribute('aria-label', `${label} ${i + 1}`);
        pair.slider.removeAttribute('aria-labelledby');
        pair.number.setAttribute('aria-label', `${label} ${i + 1}`);
        row.append(pair.slider, pair.number);
      } else {
        const input = numberInput(spec, itemId);
        input.value = fmt(v);
        input.setAttribute('aria-label', `${label} ${i + 1}`);
        input.addEventListener('change', (ev) => sendItem(input.validity.badInput ? '(not a number)' : input.value.trim(), ev));
        row.append(input);
      }
      row.append(el('span', { class: 'tl-hint', text: hint ? hint(i, data) : '' }));
      if (values.length > spec.min_len) {
        const rm = button('tl-icon', '×', (ev) => { values.splice(i, 1); send(ev); });
        rm.setAttribute('aria-label', `${s.ui.remove} ${fmt(v)}`);
        row.append(rm);
      }
      box.append(row);
    });
    if (values.length < spec.max_len) {
      box.append(button('tl-add', `+ ${s.ui.add}`, (ev) => {
        // a new line halfway (in window terms) between the last value and the top of the range
        const last = values[values.length - 1] ?? spec.min;
        values.push(+Math.min(spec.max, (last + spec.max) / 2).toPrecision(3));
        send(ev);
      }));
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

function controlOf(spec, id, t, s, onInput, extras) {
  if (spec.kind === 'float' || spec.kind === 'int') return scalarControl(spec, id, onInput);
  if (spec.kind === 'bool') {
    const box = el('input', { type: 'checkbox', id });
    box.addEventListener('change', (ev) => onInput(spec.name, box.checked ? '1' : '0', ev.timeStamp));
    return { nodes: [box], update: (v) => { box.checked = !!v; }, inline: true };
  }
  if (spec.kind === 'choice') {
    const select = el('select', { id }, ...spec.options.map((o) => el('option', { value: o, text: t.options?.[o] ?? o })));
    select.addEventListener('change', (ev) => onInput(spec.name, select.value, ev.timeStamp));
    return { nodes: [select], update: (v) => { select.value = v; } };
  }
  if (spec.kind === 'float_list') return listControl(spec, id, onInput, s, t.label, extras.listHint?.[spec.name]);
  if (spec.kind === 'seed') {
    const number = numberInput(spec, id);
    number.addEventListener('change', (ev) => onInput(spec.name, number.value, ev.timeStamp));
    const fresh = button('tl-add', s.ui.new_seed, (ev) => onInput(spec.name, String(extras.randomSeed()), ev.timeStamp));
    return { nodes: [number, fresh], update: (v) => { number.value = String(v); } };
  }
  return null;
}

/**
 * Builds the controls of one view into `form`.
 * specs: the catalogue's parameter list; texts: the view's text table; hidden: Set of names.
 * Returns { update(params, data), fields } (fields: name -> its element).
 */
export function buildControls(form, specs, texts, s, hidden, onInput, extras = {}) {
  const entries = [];
  // Views that name no main control show every control in one column, as before.
  const anyMain = specs.some((p) => p.main);
  const groups = new Map();
  const mainBox = el('div', 'tl-main');
  form.append(mainBox);
  // compact (slides, embedded frames): every folded group behind one "more settings" button
  const more = extras.compact && anyMain ? el('details', 'tl-more', el('summary', null, s.ui.more_settings)) : null;
  if (more) form.append(more);
  for (const spec of specs) {
    const id = `tl-${spec.name}-${++uid}`;
    const t = texts.params?.[spec.name] ?? { label: spec.name };
    const control = controlOf(spec, id, t, s, onInput, extras);
    if (!control) continue;
    const field = el('div', { class: `tl-field tl-${spec.kind}`, 'data-param': spec.name });
    if (control.inline) field.classList.add('tl-inline');
    const help = t.help ? el('p', { class: 'tl-help', id: `${id}-help`, text: t.help }) : null;
    if (help) control.nodes[0].setAttribute('aria-describedby', `${id}-help`);
    field.append(el('label', { id: `${id}-label`, for: id, text: t.label }), el('div', 'tl-inputs', ...control.nodes), help);
    if (!anyMain || spec.main) {
      mainBox.append(field);
    } else {
      const g = spec.group ?? 'figure';
      if (!groups.has(g)) {
        const details = el('details', { class: 'tl-group', 'data-group': g }, el('summary', null, s.ui.groups?.[g] ?? g));
        groups.set(g, details);
        (more ?? form).append(details);
      }
      groups.get(g).append(field);
    }
    entries.push({ spec, field, control });
  }
  return {
    fields: Object.fromEntries(entries.map((e) => [e.spec.name, e.field])),
    update(params, data) {
      for (const { spec, field, control } of entries) {
        control.update(params[spec.name], data);
        field.hidden = hidden.has(spec.name) || !holds(spec.when, params);
      }
      for (const details of groups.values()) {
        details.hidden = [...details.querySelectorAll('.tl-field')].every((f) => f.hidden);
      }
      if (more) more.hidden = [...groups.values()].every((d) => d.hidden);
    },
  };
}
