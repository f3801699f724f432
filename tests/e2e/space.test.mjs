// End to end: view=space in Chromium: samples on each hyperparameter's scale, the exported code
// for four engines, and a bad row keeps the previous space.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const data = () => b.page.evaluate(() => window.trainlab.handle.data());

test('view=space: samples stay in range and the code is exported for every engine', async () => {
  await openLab(b.page, `${srv.url}?view=space&samples=2000`);
  const d = await data();
  const byName = Object.fromEntries(d.samples.map((s) => [s.name, s.values]));
  assert.ok(byName.learning_rate.every((x) => x >= 1e-4 && x <= 1));
  assert.ok(byName.beta.every((x) => x >= 0.9 && x <= 0.999));
  assert.ok(byName.hidden_units.every((x) => Number.isInteger(x) && x >= 50 && x <= 100));
  assert.deepEqual([...new Set(byName.optimizer)].sort(), [0, 1, 2]);
  // 1 - beta log-uniform in [0.001, 0.1]: half in [0.99, 0.999] (5 SE at n = 2000: 0.056)
  const half = byName.beta.filter((x) => x >= 0.99).length / 2000;
  assert.ok(Math.abs(half - 0.5) < 0.056, `${half}`);
  const blocks = await b.page.locator('[data-code="space"] pre').allInnerTexts();
  assert.equal(blocks.length, 4);
  assert.match(blocks[0], /suggest_float\("learning_rate", 0\.0001, 1\.0, log=True\)/);
  assert.match(blocks[1], /tune\.loguniform\(0\.0001, 1\.0\)/);
  assert.match(blocks[2], /loguniform\(0\.0001, 1\.0\)/);
  assert.match(blocks[3], /sampling="log"/);
  assert.match(blocks[3], /reverse_log/);
  assert.deepEqual(b.errors, []);
});

test('changing a row updates the URL and the code; a bad row gives a notice and keeps the space', async () => {
  await openLab(b.page, `${srv.url}?view=space`);
  await b.page.locator('[data-param="hp1"] select').selectOption('weight_decay');
  assert.match(new URL(await address(b.page)).search, /hp1=weight_decay/);
  assert.match((await b.page.locator('[data-code="space"] pre').allInnerTexts())[0], /"weight_decay"/);
  const before = await data();
  await b.page.locator('[data-param="scale2"] select').selectOption('log');
  await b.page.locator('[data-param="range1"] input').first().fill('0');
  await b.page.locator('[data-param="range1"] input').first().press('Enter');
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /range1/);
  assert.match(text, /low > 0/);
  assert.equal((await data()).samples.find((s) => s.name === 'beta') !== undefined, true);
  assert.deepEqual((await data()).params, before.params.map((p) => (p.name === 'beta' ? { ...p, scale: 'log' } : p)));
  assert.deepEqual(b.errors, []);
});
