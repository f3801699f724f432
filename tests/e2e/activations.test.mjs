// view=activations in the browser: histograms add up, batch norm normalises every layer, the
// initialisation controls saturation, and bad sizes keep the previous figure; the page's shape
// (laptop and phone), its "try this" steps, the bin readout, and a 5,000-sample study computed off
// the input handler while the old figure stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';
import { checkShape, checkSteps, checkReadout } from './view-shape.mjs';
import words from '../../www/text/activations.js';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const data = () => b.page.evaluate(() => window.trainlab.handle.data());

test('DLFS defaults: sigmoid with std 1 saturates, batch norm spreads every layer', async () => {
  await openLab(b.page, `${srv.url}?view=activations`);
  const d = await data();
  assert.equal(d.plain.length, 5);
  for (const run of [d.plain, d.batch_norm]) {
    for (const layer of run) {
      assert.equal(layer.hist.counts.length, 30);
      assert.equal(layer.hist.counts.reduce((a, c) => a + c, 0), d.samples * d.units);
    }
  }
  for (const layer of d.batch_norm) {
    assert.ok(Math.abs(layer.pre_mean) < 0.01 && Math.abs(layer.pre_std - 1) < 0.01, JSON.stringify(layer.pre_std));
    assert.ok(layer.saturated < 0.01);
  }
  for (const layer of d.plain.slice(1)) assert.ok(layer.saturated > 0.3, `${layer.saturated}`);
  assert.deepEqual(b.errors, []);
});

test('std 0.01 collapses sigmoid outputs to 0.5; the URL follows the control', async () => {
  await openLab(b.page, `${srv.url}?view=activations`);
  await b.page.locator('[data-param="init"] select').selectOption('std001');
  assert.match(new URL(await address(b.page)).search, /init=std001/);
  const d = await data();
  for (const layer of d.plain) {
    assert.ok(Math.abs(layer.mean - 0.5) < 0.01 && layer.std < 0.05 && layer.saturated === 0, JSON.stringify(layer));
  }
  await b.page.locator('[data-param="direction"] select').selectOption('backward');
  // the backward study is larger than what is computed in the input's handler: wait for it
  await b.page.evaluate(() => window.trainlab.handle.finished());
  const g = (await data()).plain.map((l) => l.grad_mean_abs);
  assert.ok(g[0] < g[4] / 100, `gradients vanish towards the input: ${g}`);
  assert.deepEqual(b.errors, []);
});

test('bad input: a negative std and a too-large study give notices and keep the figure', async () => {
  await openLab(b.page, `${srv.url}?view=activations&init=custom&std=-1`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /std/);
  const before = await data();
  await b.page.evaluate(() => window.trainlab.handle.set({ samples: 5000, units: 500, layers: 10 }));
  assert.match(await b.page.locator('.tl-notices').innerText(), /samples/);
  const after = await data();
  assert.equal(after.samples, before.samples, 'the previous study stays');
  assert.deepEqual(b.errors, []);
});

test('the page at 1400 x 900 and 390 x 844: no sideways scroll, a dozen fields at most, formulas as MathML', async () => {
  await checkShape(b, srv.url, 'activations', words);
  assert.deepEqual(b.errors, []);
});

test('each "try this" step applies its parameters and puts step=N in the address', async () => {
  await checkSteps(b, srv.url, 'activations', words, (page) => page.evaluate(() => window.trainlab.handle.finished()));
  assert.deepEqual(b.errors, []);
});

test('hovering a bin shows its count, and so do the arrow keys', async () => {
  for (const size of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
    await b.page.setViewportSize(size);
    await openLab(b.page, `${srv.url}?view=activations`);
    const r = await checkReadout(b);
    assert.match(r.hovered, /layer \d+: from .+ values \(/);
    assert.notEqual(r.keyed, r.down, 'up and down move to another histogram');
  }
  await openLab(b.page, `${srv.url}?view=activations&lang=ko`);
  assert.match((await checkReadout(b)).hovered, /층: .*값 \d+개/);
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});

test('5,000 samples (about a GFLOP) run off the input handler: the old figure stays, then the new one, and the time is reported', async () => {
  await openLab(b.page, `${srv.url}?view=activations`);
  const r = await b.page.evaluate(async () => {
    const h = window.trainlab.handle;
    const input = document.querySelector('[data-param="samples"] input[type="number"]');
    input.value = '5000';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const during = { samples: h.data().samples, work: h.work(), url: location.search };
    await Promise.resolve(); // the timing line is written once the handler has returned
    const timing = document.querySelector('.tl-timing').textContent;
    await h.finished();
    await new Promise((r) => requestAnimationFrame(() => r()));
    return { during, timing, after: h.data().samples, counts: h.data().plain[0].hist.counts.reduce((a, c) => a + c, 0), reported: document.querySelector('.tl-timing').textContent };
  });
  assert.equal(r.during.samples, 1000, 'the old figure stays while the new study is computed');
  assert.ok(r.during.work.progress && r.during.work.progress.done < r.during.work.progress.total, JSON.stringify(r.during.work));
  assert.match(r.during.url, /samples=5000/, 'the address follows the input at once');
  assert.match(r.timing, /Computing/);
  assert.equal(r.after, 5000);
  assert.equal(r.counts, 5000 * 100);
  assert.match(r.reported, /computed off the input handler in \d+ ms \(\d+ frames\)/);
  console.log(`# ${r.reported}`);
  assert.deepEqual(b.errors, []);
});
