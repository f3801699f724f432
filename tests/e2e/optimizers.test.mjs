// End to end: view=optimizers in Chromium. The DLFS comparison checked against the update rules
// re-computed here in JavaScript, the race controls, a click that moves the start, divergence,
// and bad input; then the page of issue 12 at a laptop's and a phone's size: the fields shown at
// the defaults, settings nested under their optimizer, the try-this steps, typeset formulas, no
// sideways scroll, the start dragged and moved by the keyboard, the readout of a path point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const noErrors = () => assert.deepEqual(b.errors, [], 'console errors');
const data = () => b.page.evaluate(() => window.trainlab.handle.data());
const params = () => b.page.evaluate(() => window.trainlab.handle.params());
const PRESET = 'surface=bowl&x0=-7&y0=2&steps=30&convention=dlfs&sgd=1&lr_sgd=0.95&momentum=1&lr_momentum=0.1' +
  '&nesterov=0&adagrad=1&lr_adagrad=1.5&rmsprop=0&adam=1&lr_adam=0.3&layout=multiples';

test('DLFS comparison: handle.data() follows SGD, Momentum, AdaGrad and Adam on x²/20 + y²', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers&${PRESET}`);
  const d = await data();
  assert.deepEqual(d.optimizers.map((o) => o.kind), ['sgd', 'momentum', 'adagrad', 'adam']);
  assert.equal(d.geometry.length, 4, '2 x 2 small multiples');
  // DLFS common/optimizer.py, re-written here: f = x²/20 + y², grad (x/10, 2y), start (-7, 2)
  const grad = ([x, y]) => [x / 10, 2 * y];
  const p = { sgd: [-7, 2], momentum: [-7, 2], adagrad: [-7, 2], adam: [-7, 2] };
  const v = [0, 0]; const h = [0, 0]; const m = [0, 0]; const s = [0, 0];
  for (let t = 1; t <= 30; t++) {
    let g = grad(p.sgd);
    p.sgd = p.sgd.map((w, k) => w - 0.95 * g[k]);
    g = grad(p.momentum);
    for (let k = 0; k < 2; k++) { v[k] = 0.9 * v[k] - 0.1 * g[k]; p.momentum[k] += v[k]; }
    g = grad(p.adagrad);
    for (let k = 0; k < 2; k++) { h[k] += g[k] * g[k]; p.adagrad[k] -= 1.5 * g[k] / (Math.sqrt(h[k]) + 1e-7); }
    g = grad(p.adam);
    const lrT = 0.3 * Math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t);
    for (let k = 0; k < 2; k++) {
      m[k] += 0.1 * (g[k] - m[k]);
      s[k] += (1 - 0.999) * (g[k] * g[k] - s[k]);
      p.adam[k] -= lrT * m[k] / (Math.sqrt(s[k]) + 1e-7);
    }
    for (const [i, kind] of ['sgd', 'momentum', 'adagrad', 'adam'].entries()) {
      const got = d.optimizers[i].points[t];
      assert.ok(Math.abs(got[0] - p[kind][0]) < 1e-9 && Math.abs(got[1] - p[kind][1]) < 1e-9, `${kind} step ${t}: ${got} vs ${p[kind]}`);
    }
  }
  // SGD in closed form: x_t = -7·0.905^t, y_t = 2·(-0.9)^t
  assert.ok(Math.abs(d.optimizers[0].points[30][1] - 2 * 0.9 ** 30) < 1e-12);
  assert.ok(d.optimizers.every((o) => !o.diverged));
  assert.match(new URL(b.page.url()).search, /layout=multiples/);
  noErrors();
});

test('step, play/pause, reset and the preset button change steps through the URL', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers&steps=5&lr_sgd=0.5`);
  await b.page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal((await params()).steps, 6);
  assert.match(new URL(b.page.url()).search, /steps=6/);
  await b.page.getByRole('button', { name: 'Play', exact: true }).click();
  await b.page.waitForFunction(() => window.trainlab.handle.params().steps >= 12);
  await b.page.getByRole('button', { name: 'Pause', exact: true }).click();
  const paused = (await params()).steps;
  await b.page.waitForTimeout(150);
  assert.equal((await params()).steps, paused, 'pause stops the animation');
  await b.page.getByRole('button', { name: 'Reset', exact: true }).click();
  assert.equal((await params()).steps, 0);
  assert.equal((await data()).optimizers[0].points.length, 1);
  await b.page.getByRole('button', { name: 'DLFS comparison', exact: true }).click();
  const q = await params();
  assert.equal(q.steps, 30);
  assert.equal(q.lr_sgd, 0.95);
  assert.equal(q.layout, 'multiples');
  noErrors();
});

test('prefers-reduced-motion: play jumps to the end without animating', async () => {
  await b.page.emulateMedia({ reducedMotion: 'reduce' });
  await openLab(b.page, `${srv.url}?view=optimizers&steps=3`);
  await b.page.getByRole('button', { name: 'Play', exact: true }).click();
  assert.equal((await params()).steps, 1000);
  await b.page.emulateMedia({ reducedMotion: 'no-preference' });
  noErrors();
});

test('a click on the contour plot moves the start point there', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers`);
  const d = await data();
  const g = d.geometry[0];
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  const left = g.frac[0] * box.width + g.inset[0];
  const right = g.frac[2] * box.width - g.inset[2];
  const top = g.frac[1] * box.height + g.inset[1];
  const bottom = g.frac[3] * box.height - g.inset[3];
  const want = [-3, 1];
  const px = left + (want[0] - g.x[0]) / (g.x[1] - g.x[0]) * (right - left);
  const py = top + (g.y[1] - want[1]) / (g.y[1] - g.y[0]) * (bottom - top);
  await b.page.mouse.click(box.x + px, box.y + py);
  const q = await params();
  assert.ok(Math.abs(q.x0 - want[0]) < 0.1 && Math.abs(q.y0 - want[1]) < 0.1, `${q.x0}, ${q.y0}`);
  assert.deepEqual((await data()).optimizers[0].points[0], [q.x0, q.y0]);
  assert.match(new URL(b.page.url()).search, /x0=-[23]\.\d+|x0=-3/);
  noErrors();
});

test('divergence is marked and only finite points are kept', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers&lr_sgd=9&steps=100`);
  const d = await data();
  assert.equal(d.optimizers[0].diverged, true);
  assert.equal(d.optimizers[0].diverged_at, 5);
  assert.ok(d.optimizers[0].points.flat().every(Number.isFinite));
  assert.match(await b.page.locator('.tl-alt').innerText(), /SGD lr=9 diverged at step 5/);
  assert.match(await b.page.locator('.tl-table').innerText(), /diverged at step 5/);
  noErrors();
});

test('bad input: lr <= 0, beta outside [0, 1), too many steps give notices and keep the previous state', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers&lr_sgd=0&adam_beta1=1&steps=50000`);
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /lr_sgd|adam_beta1|steps/);
  const q = await params();
  assert.equal(q.lr_sgd, 0.95, 'defaults kept');
  assert.equal(q.steps, 30);
  await openLab(b.page, `${srv.url}?view=optimizers&steps=40`);
  const before = await data();
  // Adam's settings fold under its checkbox now: open them first (a layout change, issue 12)
  await b.page.locator('[data-settings="adam"] > summary').click();
  for (const [name, value, pattern] of [['lr_adam', '-1', /learning rate must be/], ['adam_beta2', '1', /\[0, 1\)/], ['steps', '20000', /at most 10000 steps/]]) {
    const input = b.page.locator(`[data-param="${name}"] input[type="number"]`);
    await input.fill(value);
    await input.press('Enter');
    assert.match(await b.page.locator('.tl-notices').innerText(), pattern, name);
    assert.deepEqual(await data(), before, `${name}: previous figure kept`);
  }
  noErrors();
});

// ---- issue 12: controls that fit, steps, formulas, direct manipulation --------------------------

const LAPTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const visibleFields = (page) => page.evaluate(() => [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const viewport of [LAPTOP, PHONE]) {
  test(`at ${viewport.width} x ${viewport.height}: at most 12 fields, no sideways scroll, formulas typeset, Korean headers`, async () => {
    const p = await browser({ viewport });
    try {
      await openLab(p.page, `${srv.url}?view=optimizers`);
      assert.ok(await visibleFields(p.page) <= 12, `${await visibleFields(p.page)} fields`);
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll');
      // the steps' formulas are MathML, an optimizer's name coloured like its path
      assert.ok(await p.page.locator('.tl-steps math').count() >= 6);
      assert.ok(await p.page.locator('.tl-steps math .tl-ink-0072b2').count() >= 1, 'SGD in its colour');
      if (viewport === LAPTOP) {
        // the figure and its controls on one laptop screen
        const bottom = await p.page.evaluate(() => Math.max(
          document.querySelector('.tl-figure').getBoundingClientRect().bottom,
          document.querySelector('.tl-side').getBoundingClientRect().bottom));
        assert.ok(bottom <= viewport.height, `figure and controls end at ${bottom} px`);
      }
      const en = await p.page.locator('.tl-table th').allInnerTexts();
      await openLab(p.page, `${srv.url}?view=optimizers&lang=ko&lr_sgd=9&steps=100`);
      const ko = await p.page.locator('.tl-table th').allInnerTexts();
      assert.equal(ko.length, en.length);
      for (const [i, h] of ko.entries()) if (!/^(x|y)$/.test(en[i])) assert.notEqual(h, en[i], `${h} is not translated`);
      assert.match(await p.page.locator('.tl-table').innerText(), /5단계에서 발산/);
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll in Korean');
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
}

test('an optimizer\'s settings sit under its checkbox, appear when it races and keep their values', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers`);
  const field = b.page.locator('[data-param="lr_nesterov"]');
  const settings = b.page.locator('[data-settings="nesterov"]');
  assert.equal(await settings.isVisible(), false, 'Nesterov does not race: no settings');
  // right under its checkbox
  const next = await b.page.evaluate(() => document.querySelector('[data-param="nesterov"]').nextElementSibling?.dataset.settings);
  assert.equal(next, 'nesterov');
  await b.page.locator('[data-param="nesterov"] input[type="checkbox"]').check();
  assert.equal(await settings.isVisible(), true);
  // opened from the keyboard (a click right after the checkbox would race the help text that
  // shows under the focused checkbox)
  await settings.locator('summary').focus();
  await b.page.keyboard.press('Enter');
  assert.equal(await field.isVisible(), true);
  const input = field.locator('input[type="number"]');
  await input.fill('0.05');
  await input.press('Enter');
  assert.equal((await params()).lr_nesterov, 0.05);
  await b.page.locator('[data-param="nesterov"] input[type="checkbox"]').uncheck();
  assert.equal(await field.isVisible(), false, 'hidden again');
  assert.equal((await params()).lr_nesterov, 0.05, 'its value survives hiding');
  assert.match(new URL(await address(b.page)).search, /lr_nesterov=0\.05/);
  // the condition number only for the rotated surface
  assert.equal(await b.page.locator('[data-param="condition"]').isVisible(), false);
  await b.page.locator('[data-param="surface"] select').selectOption('rotated');
  assert.equal(await b.page.locator('[data-param="condition"]').isVisible(), true);
  // learning rates move on a log slider: its position is log10 of the value
  const slider = await b.page.locator('[data-param="steps"] input[type="range"]').evaluate((e) => [e.min, e.max]);
  assert.deepEqual(slider.map(Number), [0, Math.log10(20000)]);
  noErrors();
});

test('a try-this step applies its parameters over the defaults and the URL carries step=N', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers&steps=7`);
  await b.page.locator('.tl-step-button').nth(3).click();
  const q = await params();
  assert.equal(q.lr_sgd, 1.2);
  assert.equal(q.steps, 60);
  assert.equal(q.adam, false);
  assert.match(new URL(await address(b.page)).search, /[?&]step=4(&|$)/);
  assert.equal((await data()).optimizers[0].diverged, true, 'what the step describes');
  // a teacher's link to a step opens there
  await openLab(b.page, `${srv.url}?view=optimizers&step=6`);
  assert.equal((await params()).surface, 'saddle');
  noErrors();
});

/** The CSS pixel of data point (x, y) on the first contour panel (wide layout). */
async function pixelOf(x, y) {
  const g = (await data()).geometry[0];
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  const left = g.frac[0] * box.width + g.inset[0];
  const right = g.frac[2] * box.width - g.inset[2];
  const top = g.frac[1] * box.height + g.inset[1];
  const bottom = g.frac[3] * box.height - g.inset[3];
  return [box.x + left + (x - g.x[0]) / (g.x[1] - g.x[0]) * (right - left), box.y + top + (g.y[1] - y) / (g.y[1] - g.y[0]) * (bottom - top)];
}

test('drag the start point: pointer down, move, up; the arrow keys move it too', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers`);
  const [sx, sy] = await pixelOf(-7, 2);
  const [tx, ty] = await pixelOf(-4, -2);
  await b.page.mouse.move(sx, sy);
  await b.page.mouse.down();
  await b.page.mouse.move((sx + tx) / 2, (sy + ty) / 2, { steps: 4 });
  await b.page.mouse.move(tx, ty, { steps: 4 });
  await b.page.waitForFunction(() => Math.abs(window.trainlab.handle.params().x0 + 4) < 0.1);
  await b.page.mouse.up();
  const q = await params();
  assert.ok(Math.abs(q.x0 + 4) < 0.1 && Math.abs(q.y0 + 2) < 0.1, `${q.x0}, ${q.y0}`);
  assert.deepEqual((await data()).optimizers[0].points[0], [q.x0, q.y0]);
  assert.match(new URL(await address(b.page)).search, /x0=-(3|4)/);
  // the keyboard: focus the figure, arrows move the start by 0.1 (Shift: 1)
  await b.page.locator('canvas.tl-canvas').focus();
  await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.press('Shift+ArrowUp');
  const k = await params();
  assert.ok(Math.abs(k.x0 - (q.x0 + 0.2)) < 1e-9 && Math.abs(k.y0 - (q.y0 + 1)) < 1e-9, `${k.x0}, ${k.y0}`);
  noErrors();
});

test('hover a path point for its step and loss', async () => {
  await openLab(b.page, `${srv.url}?view=optimizers`);
  const d = await data();
  const p1 = d.optimizers[0].points[1];
  const [x, y] = await pixelOf(p1[0], p1[1]);
  await b.page.mouse.move(x - 30, y - 30);
  await b.page.mouse.move(x + 1, y + 1, { steps: 3 });
  const box = b.page.locator('.tl-readout');
  await box.waitFor({ state: 'visible' });
  const text = await box.innerText();
  // SGD's first step from (-7, 2): (-6.335, -1.8), loss 6.335²/20 + 1.8² = 5.2466
  assert.match(text, /SGD, step 1: loss 5\.25 at \(−6\.3[34], −1\.8\)/);
  assert.ok(Math.abs(d.optimizers[0].losses[1] - 5.2466) < 1e-3);
  await b.page.mouse.move(2, 2);
  await box.waitFor({ state: 'hidden' });
  noErrors();
});
