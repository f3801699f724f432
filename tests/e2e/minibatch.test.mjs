// End to end: view=minibatch in Chromium. Iterations per epoch ⌈m / b⌉, examples seen, batch
// descent re-computed here in JavaScript on the data the page shows, the closed-form optimum, a
// control that changes the figure through the URL, a "try this" step, bad input, and no sideways
// scroll on a laptop and a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser({ viewport: { width: 1400, height: 900 } }); });
after(async () => { await b?.close(); await srv?.close(); });

const noErrors = () => assert.deepEqual(b.errors, [], 'console errors');
const data = () => b.page.evaluate(() => window.trainlab.handle.data());
const params = () => b.page.evaluate(() => window.trainlab.handle.params());

test('defaults: ⌈m / b⌉ iterations per epoch, batch descent is full-gradient descent, w* = H⁻¹g', async () => {
  await openLab(b.page, `${srv.url}?view=minibatch`);
  const d = await data();
  assert.deepEqual(d.runs.map((r) => r.method), ['batch', 'mini_batch', 'stochastic']);
  assert.deepEqual(d.runs.map((r) => r.batch), [1000, 64, 1]);
  assert.deepEqual(d.runs.map((r) => r.per_epoch), [1, Math.ceil(1000 / 64), 1000]);
  for (const r of d.runs) {
    assert.equal(r.points.length, 10 * r.per_epoch + 1, `${r.method}: 10 epochs`);
    assert.equal(r.seen.at(-1), 10 * 1000, `${r.method}: every example once per epoch`);
  }
  // the mini-batch run's last batch of an epoch holds the rest: 1000 − 15 · 64 = 40
  assert.equal(d.runs[1].seen[16] - d.runs[1].seen[15], 40);
  // batch descent by hand on the rows the page shows
  const m = d.y.length;
  const row = (i) => [d.x[2 * i], d.x[2 * i + 1]];
  let w = [-2, 3];
  for (let t = 1; t <= 10; t++) {
    const g = [0, 0];
    for (let i = 0; i < m; i++) {
      const x = row(i);
      const r = w[0] * x[0] + w[1] * x[1] - d.y[i];
      g[0] += r * x[0] / m;
      g[1] += r * x[1] / m;
    }
    w = [w[0] - 0.1 * g[0], w[1] - 0.1 * g[1]];
    const p = d.runs[0].points[t];
    assert.ok(Math.abs(p[0] - w[0]) < 1e-9 && Math.abs(p[1] - w[1]) < 1e-9, `iteration ${t}: ${p} vs ${w}`);
  }
  // the full batch's cost is the cost: no noise; single examples are the noisiest
  assert.ok(d.runs[0].spread < 1e-9 && d.runs[0].spread < d.runs[1].spread && d.runs[1].spread < d.runs[2].spread);
  // w* from the normal equations by Cramer's rule
  const [[a, c], [, e]] = d.hessian;
  const det = a * e - c * c;
  const opt = [(e * d.g[0] - c * d.g[1]) / det, (a * d.g[1] - c * d.g[0]) / det];
  const wander = (r) => r.mean_last_epoch.map((v, k) => v - opt[k]).reduce((s, v) => s + v * v, 0);
  assert.ok(wander(d.runs[1]) < 0.01 && wander(d.runs[2]) < 0.05, 'the small batches end near w*');
  const table = await b.page.locator('.tl-table').first().innerText();
  assert.match(table, /mini-batch/);
  assert.match(table, /Iterations per epoch/);
  noErrors();
});

test('a control: batches of 300 give 4 iterations per epoch, the last of 100 examples', async () => {
  await openLab(b.page, `${srv.url}?view=minibatch`);
  const input = b.page.locator('[data-param="batch"] input[type="number"]');
  await input.fill('300');
  await input.press('Enter');
  assert.match(new URL(await address(b.page)).search, /batch=300/);
  const r = (await data()).runs[1];
  assert.equal(r.per_epoch, 4);
  assert.deepEqual(r.seen.slice(0, 5), [0, 300, 600, 900, 1000]);
  noErrors();
});

test('a "try this" step: 100 epochs let batch descent reach the target, one epoch an iteration', async () => {
  await openLab(b.page, `${srv.url}?view=minibatch`);
  const steps = b.page.locator('.tl-step-button');
  assert.ok((await steps.count()) >= 3 && (await steps.count()) <= 6);
  await steps.nth(1).click();
  assert.equal(new URL(await address(b.page)).searchParams.get('step'), '2');
  assert.equal((await params()).epochs, 100);
  const batch = (await data()).runs[0];
  assert.notEqual(batch.reached, null);
  assert.equal(batch.seen[batch.reached], batch.reached * 1000, 'each iteration sees all m examples');
  assert.ok(await b.page.locator('.tl-steps math').count() >= 1, 'the steps’ formulas are MathML');
  noErrors();
});

test('bad input: a batch larger than m, too many epochs, a bad rate give notices naming them', async () => {
  await openLab(b.page, `${srv.url}?view=minibatch&batch=5000`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /batch/);
  assert.ok((await data()).runs.every((r) => r.batch <= 1000), 'a safe fallback is drawn');
  await openLab(b.page, `${srv.url}?view=minibatch&epochs=5000&lr=zero`);
  const text = await b.page.locator('.tl-notices').innerText();
  for (const name of ['epochs', 'lr']) assert.match(text, new RegExp(name));
  assert.equal((await params()).lr, 0.1);
  noErrors();
});

test('1400 × 900 and 390 × 844, English and Korean: no sideways scroll, the figure fits', async () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    await b.page.setViewportSize({ width, height });
    for (const lang of ['en', 'ko']) {
      await openLab(b.page, `${srv.url}?view=minibatch&lang=${lang}`);
      const m = await b.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth - window.innerWidth,
        right: document.querySelector('.tl-canvas').getBoundingClientRect().right,
      }));
      assert.ok(m.scroll <= 0, `${width} ${lang}: scrolls ${m.scroll} px sideways`);
      assert.ok(m.right <= width + 1, `${width} ${lang}: the figure ends at ${m.right}`);
    }
  }
  await b.page.setViewportSize({ width: 1400, height: 900 });
  noErrors();
});
