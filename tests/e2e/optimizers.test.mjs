// End to end: view=optimizers in Chromium. The DLFS comparison checked against the update rules
// re-computed here in JavaScript, the race controls, a click that moves the start, divergence,
// and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab } from './harness.mjs';

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
  for (const [name, value, pattern] of [['lr_adam', '-1', /learning rate must be/], ['adam_beta2', '1', /\[0, 1\)/], ['steps', '20000', /at most 10000 steps/]]) {
    const input = b.page.locator(`[data-param="${name}"] input[type="number"]`);
    await input.fill(value);
    await input.press('Enter');
    assert.match(await b.page.locator('.tl-notices').innerText(), pattern, name);
    assert.deepEqual(await data(), before, `${name}: previous figure kept`);
  }
  noErrors();
});
