// Checks of a view's page shape for issue 12, shared by the view tests (activations, batchnorm,
// gradcheck): at a laptop and a phone size, no horizontal scroll, at most a dozen fields visible
// at the defaults, typeset formulas where the words have TeX, each "try this" step applying its
// parameters with `step=N` in the address, and the figure's readout on hover and on the keyboard.
// A screenshot of each size is saved under target/e2e-shots/ (a test artifact).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openLab, address, ROOT } from './harness.mjs';

/** The two screens of the issue. */
export const SCREENS = [{ width: 1400, height: 900, name: 'laptop' }, { width: 390, height: 844, name: 'phone' }];

const SHOTS = join(ROOT, 'target', 'e2e-shots');

/** The parameters a step sets, as [name, value] pairs. */
function stepParams(step) {
  return [...new URLSearchParams(step.set ?? '')];
}

/** Whether the view's value `actual` (handle.params()) is the text `wanted` of a step. */
function same(actual, wanted) {
  if (typeof actual === 'boolean') return actual === (wanted === '1' || wanted === 'true');
  if (typeof actual === 'number') return Math.abs(actual - Number(wanted)) <= 1e-12 * Math.abs(actual);
  return String(actual) === wanted;
}

/**
 * Opens `view` at each screen size and checks the page's shape; `words` is the view's English
 * text module (its steps), `formulas` whether its words hold TeX.
 */
export async function checkShape(b, url, view, words, { formulas = true } = {}) {
  for (const screen of SCREENS) {
    await b.page.setViewportSize({ width: screen.width, height: screen.height });
    await openLab(b.page, `${url}?view=${view}`);
    const m = await b.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      fields: [...document.querySelectorAll('.tl-field')].filter((f) => f.checkVisibility()).length,
      math: document.querySelectorAll('#view-page math').length,
      steps: document.querySelectorAll('.tl-step-button').length,
      caption: document.querySelector('#view-caption')?.textContent ?? '',
    }));
    const where = `${view} at ${screen.width} x ${screen.height}`;
    assert.ok(m.scroll <= m.width + 1, `${where}: the page is ${m.scroll} px wide in a ${m.width} px window`);
    assert.ok(m.fields >= 3 && m.fields <= 12, `${where}: ${m.fields} fields visible at the defaults`);
    assert.equal(m.steps, words.steps.length, `${where}: one button per step`);
    assert.ok(m.steps >= 3 && m.steps <= 6, `${where}: 3 to 6 steps`);
    assert.ok(m.caption.length > 20, `${where}: a caption above the figure`);
    if (formulas) assert.ok(m.math > 0, `${where}: MathML for the words' formulas`);
    mkdirSync(SHOTS, { recursive: true });
    await b.page.screenshot({ path: join(SHOTS, `${view}-${screen.name}.png`) });
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
}

/** Presses every step's button in turn: its parameters apply (over the defaults) and the address
 * carries `step=N`; `ready(page)` waits for what the step needs (long work) before the check. */
export async function checkSteps(b, url, view, words, ready = async () => {}) {
  await openLab(b.page, `${url}?view=${view}`);
  for (const [i, step] of words.steps.entries()) {
    await b.page.locator('.tl-step-button').nth(i).click();
    await ready(b.page);
    const search = new URL(await address(b.page)).searchParams;
    assert.equal(search.get('step'), String(i + 1), `step ${i + 1} in the address`);
    const params = await b.page.evaluate(() => window.trainlab.handle.params());
    for (const [k, v] of stepParams(step)) {
      assert.ok(same(params[k], v), `step ${i + 1}: ${k} = ${params[k]}, not ${v}`);
      assert.ok(search.has(k), `step ${i + 1}: ${k} in the address`);
    }
    const current = await b.page.locator('.tl-step[aria-current="step"] .tl-step-button').innerText();
    assert.equal(current, String(i + 1));
  }
  // a teacher's link to a step opens there
  const n = words.steps.length;
  await openLab(b.page, `${url}?view=${view}&step=${n}`);
  await ready(b.page);
  const params = await b.page.evaluate(() => window.trainlab.handle.params());
  for (const [k, v] of stepParams(words.steps[n - 1])) {
    assert.ok(same(params[k], v), `a link to step ${n}: ${k} = ${params[k]}, not ${v}`);
  }
}

/** The readout: hovering a target shows its label over the figure, and so do the arrow keys once
 * the figure has focus. Returns the labels seen. */
export async function checkReadout(b) {
  const t = await b.page.evaluate(() => {
    const canvas = document.querySelector('.tl-canvas');
    const dpr = Math.min(3, window.devicePixelRatio || 1);
    const width = canvas.width / dpr;
    const height = canvas.height / dpr;
    const h = window.trainlab.handle;
    const { targets } = h.command('targets', { width, height, lang: h.lang });
    // a target in the middle of the list, its centre on the screen
    const target = targets[Math.floor(targets.length / 2)];
    const r = canvas.getBoundingClientRect();
    const sx = canvas.clientWidth / width;
    const sy = canvas.clientHeight / height;
    return {
      count: targets.length,
      label: target.label,
      x: r.left + canvas.clientLeft + ((target.x0 + target.x1) / 2) * sx,
      y: r.top + canvas.clientTop + ((target.y0 + target.y1) / 2) * sy,
    };
  });
  assert.ok(t.count > 0, 'the figure has readout targets');
  await b.page.mouse.move(t.x, t.y);
  const readout = b.page.locator('.tl-readout');
  await readout.waitFor({ state: 'visible', timeout: 5000 });
  const hovered = await readout.innerText();
  assert.equal(hovered, t.label, 'hover shows the label of the part under the pointer');
  await b.page.mouse.move(1, 1);
  await b.page.locator('.tl-canvas').focus();
  await b.page.keyboard.press('ArrowRight');
  await readout.waitFor({ state: 'visible', timeout: 5000 });
  const keyed = await readout.innerText();
  assert.ok(keyed.length > 5, `the keyboard shows a readout: ${keyed}`);
  await b.page.keyboard.press('ArrowDown');
  const down = await readout.innerText();
  await b.page.keyboard.press('Escape');
  assert.ok(await readout.isHidden(), 'Escape hides it');
  return { hovered, keyed, down };
}
