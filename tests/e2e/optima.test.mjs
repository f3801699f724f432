// End to end: view=optima in Chromium. The share of minima drawn off the main thread's frames
// against 2⁻ᵈ within binomial bounds and the GOE's (2 − √2)/4 at d = 2, gradient descent on the
// saddle against its closed form x_t = x₀(1 − α)ᵗ, a control that changes the figure through the
// URL, a "try this" step, bad input, and no sideways scroll on a laptop and a phone.
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
const finished = () => b.page.evaluate(async () => { await window.trainlab.handle.finished(); return window.trainlab.handle.data(); });

test('the share of minima: 2⁻ᵈ for independent signs, (2 − √2)/4 at d = 2 for GOE, within binomial bounds', async () => {
  await openLab(b.page, `${srv.url}?view=optima&draws=50000`);
  const d = await finished();
  const n = 50000;
  const signs = d.minima_counts.independent_signs;
  const goe = d.minima_counts.goe;
  assert.equal(signs.length, 12);
  // 4.5 binomial standard errors (plus one count) around the exact share
  const ok = (k, p) => Math.abs(k / n - p) <= 4.5 * Math.sqrt(p * (1 - p) / n) + 1 / n;
  signs.forEach((k, i) => assert.ok(ok(k, 2 ** -(i + 1)), `d = ${i + 1}: ${k / n} vs ${2 ** -(i + 1)}`));
  assert.ok(ok(goe[0], 0.5), `GOE d = 1: ${goe[0] / n}`);
  assert.ok(ok(goe[1], (2 - Math.SQRT2) / 4), `GOE d = 2: ${goe[1] / n}`);
  for (let i = 1; i < 6; i++) assert.ok(goe[i] < 0.75 * signs[i], `GOE rarer at d = ${i + 1}`);
  // the table's measured shares are the counts over the draws
  assert.match(await b.page.locator('.tl-table').last().innerText(), /Random symmetric/);
  noErrors();
});

test('a control: the saddle, where gradient descent follows x_t = x₀(1 − α)ᵗ into it and then crawls out', async () => {
  await openLab(b.page, `${srv.url}?view=optima&draws=1000`);
  await b.page.getByLabel('Surface', { exact: true }).selectOption('saddle');
  assert.match(new URL(await address(b.page)).search, /surface=saddle/);
  const d = await data();
  assert.deepEqual(d.paths.map((p) => p.kind), ['sgd', 'momentum', 'adam']);
  const gd = d.paths[0];
  const [x0, y0] = gd.points[0];
  assert.deepEqual([x0, y0], [-2.5, 0.001]);
  for (let t = 1; t <= 30; t++) {
    assert.ok(Math.abs(gd.points[t][0] - x0 * 0.9 ** t) < 1e-12, `x_${t}`);
    // f = x²/2 + (y² − 1)²/4 at the point, by hand
    const [x, y] = gd.points[t];
    assert.ok(Math.abs(gd.losses[t] - (x * x / 2 + (y * y - 1) ** 2 / 4)) < 1e-12);
  }
  // it leaves the flat ground (loss under 1/8) last of the three
  assert.ok(gd.escape > d.paths[1].escape && gd.escape > d.paths[2].escape, d.paths.map((p) => p.escape).join(' '));
  noErrors();
});

test('a "try this" step: exactly on the ridge no optimizer leaves the saddle', async () => {
  await openLab(b.page, `${srv.url}?view=optima&draws=1000`);
  const steps = b.page.locator('.tl-step-button');
  assert.ok((await steps.count()) >= 3 && (await steps.count()) <= 6);
  await steps.nth(3).click();
  assert.equal(new URL(await address(b.page)).searchParams.get('step'), '4');
  const p = await params();
  assert.equal(p.surface, 'saddle');
  assert.equal(p.saddle_y0, 0);
  const d = await data();
  for (const path of d.paths) {
    assert.equal(path.escape, null, `${path.kind} stays`);
    assert.ok(path.points.every((q) => q[1] === 0), `${path.kind}: y stays 0`);
  }
  assert.ok(await b.page.locator('.tl-steps math').count() >= 1, 'the steps’ formulas are MathML');
  noErrors();
});

test('bad input: notices name each parameter and the defaults stand in', async () => {
  await openLab(b.page, `${srv.url}?view=optima&max_dim=100&surface=cliff&mu=1&draws=1000`);
  const text = await b.page.locator('.tl-notices').innerText();
  for (const name of ['max_dim', 'surface', 'mu']) assert.match(text, new RegExp(name));
  const p = await params();
  assert.equal(p.surface, 'plateau');
  assert.ok(p.max_dim <= 60);
  assert.ok(p.mu < 1);
  noErrors();
});

test('1400 × 900 and 390 × 844, English and Korean: no sideways scroll, the figure fits', async () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    await b.page.setViewportSize({ width, height });
    for (const lang of ['en', 'ko']) {
      await openLab(b.page, `${srv.url}?view=optima&lang=${lang}&draws=1000`);
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
