// End to end: view=space in Chromium: samples on each hyperparameter's scale, the exported code
// for four engines, and a bad row keeps the previous space; then the page of issue 12 at a
// laptop's and a phone's size: the fields at the defaults, a relevance rule, the try-this steps,
// formulas, the trial count in the code, the readout of a bar.
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

// ---- issue 12 ------------------------------------------------------------------------------------

const LAPTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const visibleFields = (page) => page.evaluate(() => [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const viewport of [LAPTOP, PHONE]) {
  test(`at ${viewport.width} x ${viewport.height}: at most 12 fields, no sideways scroll, formulas, Korean tables`, async () => {
    const p = await browser({ viewport });
    try {
      await openLab(p.page, `${srv.url}?view=space`);
      const n = await visibleFields(p.page);
      assert.ok(n >= 3 && n <= 12, `${n} fields`);
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll');
      assert.ok(await p.page.locator('.tl-steps math').count() >= 3, 'typeset formulas');
      assert.equal((await p.page.locator('.tl-table th').allInnerTexts())[0], 'Sample');
      await openLab(p.page, `${srv.url}?view=space&lang=ko`);
      assert.equal((await p.page.locator('.tl-table th').allInnerTexts())[0], '표본');
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll in Korean');
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
}

test('a slot\'s scale and range appear with its name and keep their values; the code runs the samples drawn', async () => {
  await openLab(b.page, `${srv.url}?view=space&samples=100`);
  const field = (name) => b.page.locator(`[data-param="${name}"]`);
  await b.page.locator('[data-param="range1"] input').first().fill('0.001');
  await b.page.locator('[data-param="range1"] input').first().press('Enter');
  await b.page.locator('[data-param="hp1"] select').selectOption('none');
  assert.equal(await field('scale1').isVisible(), false);
  assert.equal(await field('range1').isVisible(), false);
  await b.page.locator('[data-param="hp1"] select').selectOption('learning_rate');
  assert.equal(await field('range1').isVisible(), true);
  assert.equal(await b.page.locator('[data-param="range1"] input').first().inputValue(), '0.001', 'kept while hidden');
  const blocks = await b.page.locator('[data-code="space"] pre').allInnerTexts();
  assert.match(blocks[0], /n_trials=100\b/);
  assert.match(blocks[0], /suggest_float\("one_minus_beta", 0\.001, 0\.1, log=True\)/);
  assert.ok(blocks.every((c) => !/0\.00100000000/.test(c)), 'no float noise');
  assert.deepEqual(b.errors, []);
});

test('a try-this step sets its parameters over the defaults; the URL carries step=N', async () => {
  await openLab(b.page, `${srv.url}?view=space&samples=50`);
  await b.page.locator('.tl-step-button').nth(3).click();
  const q = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.equal(q.hp1, 'weight_decay');
  assert.deepEqual(q.range1, [1e-6, 1e-2]);
  assert.equal(q.samples, 500, 'over the defaults');
  assert.match(new URL(await address(b.page)).search, /[?&]step=4(&|$)/);
  assert.deepEqual(b.errors, []);
});

test('hover a bar for its option and count', async () => {
  await openLab(b.page, `${srv.url}?view=space`);
  const d = await data();
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  // four histograms in a 2 x 2 grid: the optimizer's is the bottom right; plotting area inset
  // [48, 24, 10, 26] (chart/scale/histogram.rs); its first bar is adam
  await b.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60);
  await b.page.mouse.move(box.x + box.width / 2 + 48 + 4, box.y + box.height - 26 - 3, { steps: 3 });
  const tip = b.page.locator('.tl-readout');
  await tip.waitFor({ state: 'visible' });
  const adam = d.samples.find((s) => s.name === 'optimizer').values.filter((v) => v === 0).length;
  assert.equal(await tip.innerText(), `optimizer adam: ${adam} of 500 samples`);
  assert.deepEqual(b.errors, []);
});
