// view=activations in the browser: histograms add up, batch norm normalises every layer, the
// initialisation controls saturation, and bad sizes keep the previous figure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

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
