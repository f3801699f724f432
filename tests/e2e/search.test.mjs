// End to end: view=search in Chromium. The data is checked against the surface formula and the
// search rules computed independently in JavaScript; the study button writes study=1 to the URL.
// Then the page of issue 12 at a laptop's and a phone's size: the fields at the defaults, one
// control for the study, a relevance rule, the try-this steps, formulas, Korean tables, the
// readout of a trial.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

// E(u, v) for "one matters" (src/core/search.rs): 0.05 + 0.45 g(u - 0.62, 0.07) + 0.01 v
const g = (d, w) => 1 - Math.exp(-(d * d) / (2 * w * w));
const oneMatters = (u, v) => 0.05 + 0.45 * g(u - 0.62, 0.07) + 0.01 * v;
const data = () => b.page.evaluate(() => window.trainlab.handle.data());

test('view=search: grid tries 5 values of α, random 25; errors follow the surface; boxes nest', async () => {
  await openLab(b.page, `${srv.url}?view=search&seed=3`);
  const d = await data();
  assert.equal(d.grid.points.length, 25);
  assert.equal(d.random.points.length, 25);
  assert.equal(d.grid.distinct_alpha, 5);
  assert.equal(d.grid.distinct_epsilon, 5);
  assert.equal(d.random.distinct_alpha, 25);
  for (const p of [...d.grid.points, ...d.random.points]) {
    assert.ok(Math.abs(p.error - oneMatters(p.u, p.v)) < 1e-12);
    // alpha = 10^(a + (b - a) u) with a = -4, b = 0
    assert.ok(Math.abs(Math.log10(p.alpha) - (-4 + 4 * p.u)) < 1e-9);
    assert.ok(p.alpha >= 1e-4 && p.alpha <= 1 && p.epsilon >= 1e-10 && p.epsilon <= 1e-6);
  }
  const min = (pts) => Math.min(...pts.map((p) => p.error));
  assert.equal(d.grid.best.error, min(d.grid.points));
  assert.equal(d.random.best.error, min(d.random.points));
  // coarse to fine: each box inside the one before, holding that round's 3 best points
  const rounds = d.coarse_to_fine;
  assert.equal(rounds.length, 3);
  for (let i = 1; i < rounds.length; i++) {
    const [o, n] = [rounds[i - 1].box, rounds[i].box];
    assert.ok(n.u0 >= o.u0 && n.u1 <= o.u1 && n.v0 >= o.v0 && n.v1 <= o.v1);
    const best3 = [...rounds[i - 1].points].sort((x, y) => x.error - y.error).slice(0, 3);
    for (const p of best3) assert.ok(p.u >= n.u0 && p.u <= n.u1 && p.v >= n.v0 && p.v <= n.v1);
    for (const p of rounds[i].points) assert.ok(p.u >= n.u0 && p.u <= n.u1);
  }
  assert.equal(d.study, null);
  assert.deepEqual(b.errors, []);
});

test('the repeat button runs the 1,000-repeat study from the URL; 1 - 0.95^n is its curve', async () => {
  await openLab(b.page, `${srv.url}?view=search`);
  await b.page.getByRole('button', { name: 'Repeat 1,000 times' }).click();
  const q = new URL(await address(b.page)).searchParams;
  assert.equal(q.get('study'), '1');
  assert.equal(q.get('repeats'), '1000');
  const s = (await data()).study;
  assert.equal(s.grid_best.length, 1000);
  assert.equal(s.random_best.length, 1000);
  // 1 - 0.95^25 = 0.7226; 5 binomial SE at n = 1000 is 0.071
  assert.ok(Math.abs(s.random_hit_rate - (1 - 0.95 ** 25)) < 0.071, `${s.random_hit_rate}`);
  assert.ok(s.grid_hit_rate < s.random_hit_rate);
  for (const [n, p] of s.curve) assert.ok(Math.abs(p - (1 - 0.95 ** n)) < 1e-12);
  const share = s.random_best.filter((x) => x <= s.top5_threshold).length / 1000;
  assert.equal(share, s.random_hit_rate);
  assert.match(await b.page.locator('.tl-study').innerText(), /1000 repeats/);
  // the share link reproduces the study exactly
  const shown = await data();
  await openLab(b.page, await address(b.page));
  assert.deepEqual(await data(), shown);
  assert.deepEqual(b.errors, []);
});

test('controls change the URL; bad ranges give a notice and the previous figure stays', async () => {
  await openLab(b.page, `${srv.url}?view=search`);
  await b.page.locator('[data-param="n"] input[type="number"]').fill('3');
  await b.page.locator('[data-param="n"] input[type="number"]').press('Enter');
  assert.match(new URL(await address(b.page)).search, /[?&]n=3&/);
  assert.equal((await data()).grid.distinct_alpha, 3);
  await b.page.locator('[data-param="surface"] select').selectOption('interaction');
  assert.match(new URL(await address(b.page)).search, /surface=interaction/);
  const before = await data();
  // the ranges fold under "Search" now: open it first (a layout change, issue 12), from the
  // keyboard (a click would race the focused select's help text closing above it)
  await b.page.locator('details[data-group="search"] > summary').focus();
  await b.page.keyboard.press('Enter');
  await b.page.locator('[data-param="alpha_low"] input[type="number"]').fill('2');
  await b.page.locator('[data-param="alpha_low"] input[type="number"]').press('Enter');
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /alpha_low/);
  assert.match(text, /below high/);
  assert.deepEqual(await data(), before, 'previous figure kept');
  assert.deepEqual(b.errors, []);
});

// ---- issue 12 ------------------------------------------------------------------------------------

const LAPTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const visibleFields = (page) => page.evaluate(() => [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const viewport of [LAPTOP, PHONE]) {
  test(`at ${viewport.width} x ${viewport.height}: few fields, one study control, no sideways scroll, formulas, Korean tables`, async () => {
    const p = await browser({ viewport });
    try {
      await openLab(p.page, `${srv.url}?view=search`);
      const n = await visibleFields(p.page);
      assert.ok(n >= 3 && n <= 12, `${n} fields`);
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll');
      // one control for the study: the button, no checkbox
      assert.equal(await p.page.locator('[data-param="study"]').count(), 0);
      assert.equal(await p.page.getByRole('button', { name: 'Repeat 1,000 times' }).count(), 1);
      assert.ok(await p.page.locator('.tl-steps math').count() >= 3, 'typeset formulas');
      assert.ok(await p.page.locator('.tl-steps math .tl-ink-0072b2').count() >= 1, 'the grid named in its colour');
      const en = await p.page.locator('.tl-table th, .tl-table td:first-child').allInnerTexts();
      assert.ok(en.includes('Grid 5 × 5') && en.includes('Best dev error'), en.join('|'));
      await openLab(p.page, `${srv.url}?view=search&lang=ko`);
      const ko = await p.page.locator('.tl-table th, .tl-table td:first-child').allInnerTexts();
      assert.equal(ko.length, en.length);
      for (const [i, h] of ko.entries()) assert.notEqual(h, en[i], `${h} is not translated`);
      assert.ok(ko.includes('격자 5 × 5'), ko.join('|'));
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll in Korean');
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
}

test('the repeats appear with the study and keep their value when it is off', async () => {
  await openLab(b.page, `${srv.url}?view=search`);
  const repeats = b.page.locator('[data-param="repeats"]');
  await b.page.locator('details[data-group="run"] > summary').click();
  assert.equal(await repeats.isVisible(), false, 'no study: no repeats');
  await b.page.getByRole('button', { name: 'Repeat 1,000 times' }).click();
  assert.equal(await repeats.isVisible(), true);
  assert.equal(await b.page.getByRole('button', { name: 'Repeat 1,000 times' }).getAttribute('aria-pressed'), 'true');
  await repeats.locator('input[type="number"]').fill('200');
  await repeats.locator('input[type="number"]').press('Enter');
  assert.equal((await data()).study.grid_best.length, 200);
  // pressed again: the study is off, its repeats hidden and kept
  await b.page.getByRole('button', { name: 'Repeat 1,000 times' }).click();
  assert.equal((await data()).study, null);
  assert.equal(await repeats.isVisible(), false);
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).repeats, 200);
  assert.match(new URL(await address(b.page)).search, /repeats=200/);
  assert.deepEqual(b.errors, []);
});

test('a try-this step sets its parameters over the defaults; the URL carries step=N', async () => {
  await openLab(b.page, `${srv.url}?view=search&seed=4`);
  await b.page.locator('.tl-step-button').nth(1).click();
  const q = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.equal(q.n, 10);
  assert.equal(q.seed, 1, 'over the defaults');
  assert.match(new URL(await address(b.page)).search, /[?&]step=2(&|$)/);
  assert.equal((await data()).grid.distinct_alpha, 10);
  assert.deepEqual(b.errors, []);
});

test('hover a trial for its values and dev error', async () => {
  await openLab(b.page, `${srv.url}?view=search`);
  const d = await data();
  const p = d.grid.points[7];
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  // the grid panel: the first third; plotting area inset [52, 22, 12, 38] (chart/search.rs);
  // x = log10 α over [-4, 0], y = log10 ε over [-10, -6]
  const [l, t, r, bt] = [52, 22, box.width / 3 - 12, box.height - 38];
  const x = box.x + l + (Math.log10(p.alpha) + 4) / 4 * (r - l);
  const y = box.y + t + (-6 - Math.log10(p.epsilon)) / 4 * (bt - t);
  await b.page.mouse.move(x - 20, y - 20);
  await b.page.mouse.move(x + 1, y, { steps: 3 });
  const tip = b.page.locator('.tl-readout');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.match(text, /^Grid: α = .+, ε = .+, dev error .+/);
  const err = Number(text.split('dev error ')[1]);
  assert.ok(Math.abs(err - p.error) <= 0.005 * p.error + 1e-3, `${text} vs ${p.error}`);
  assert.deepEqual(b.errors, []);
});
