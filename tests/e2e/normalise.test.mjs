// End to end: view=normalise in Chromium. The two bowls re-computed here in JavaScript from the
// data the page shows (Hessian, eigenvalues, condition number, 2/λmax, the descent), a control
// and a drag that change the figure through the URL, a "try this" step, bad input, and no
// sideways scroll on a laptop and a phone.
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
const close = (a, c, rel = 1e-9) => Math.abs(a - c) <= rel * Math.max(Math.abs(a), Math.abs(c), 1e-12);

/** E[x xᵀ] of rows `x`, and the eigenvalues of a symmetric 2 × 2 matrix (quadratic formula). */
const second = (x) => [[0, 0], [0, 1], [1, 1]].map(([a, c]) => x.reduce((s, p) => s + p[a] * p[c], 0) / x.length);
const eigen = ([a, c, d]) => {
  const t = a + d;
  const r = Math.sqrt(Math.max(0, t * t - 4 * (a * d - c * c)));
  return [(t + r) / 2, (t - r) / 2];
};

test('defaults: each bowl is E[x xᵀ] of its features, κ = λmax/λmin, the largest rate 2/λmax, the path w := w − α(Hw − g)', async () => {
  await openLab(b.page, `${srv.url}?view=normalise`);
  const d = await data();
  for (const s of [d.raw, d.transformed]) {
    const [h11, h12, h22] = second(s.train);
    assert.ok(close(s.hessian[0][0], h11) && close(s.hessian[0][1], h12) && close(s.hessian[1][1], h22));
    const [big, small] = eigen([h11, h12, h22]);
    assert.ok(close(s.eigenvalues[0], big) && close(s.eigenvalues[1], small, 1e-6));
    assert.ok(close(s.condition, big / small, 1e-6));
    assert.ok(close(s.lr_max, 2 / big));
    // gradient descent by hand from the start, the bias held at b*
    let w = s.points[0];
    for (let t = 1; t < Math.min(20, s.points.length); t++) {
      const g = [0, 1].map((k) => s.hessian[k][0] * w[0] + s.hessian[k][1] * w[1] - s.g[k]);
      w = w.map((v, k) => v - 0.06 * g[k]);
      assert.ok(Math.abs(s.points[t][0] - w[0]) < 1e-9 && Math.abs(s.points[t][1] - w[1]) < 1e-9, `step ${t}`);
    }
  }
  // standardised with the training μ, σ: the correlation matrix, κ = (1 + |r|)/(1 − |r|)
  const x = d.raw.train;
  const mean = [0, 1].map((k) => x.reduce((s, p) => s + p[k], 0) / x.length);
  const sd = [0, 1].map((k) => Math.sqrt(x.reduce((s, p) => s + (p[k] - mean[k]) ** 2, 0) / x.length));
  const r = x.reduce((s, p) => s + (p[0] - mean[0]) * (p[1] - mean[1]), 0) / x.length / (sd[0] * sd[1]);
  assert.ok(close(d.transformed.condition, (1 + Math.abs(r)) / (1 - Math.abs(r)), 1e-8));
  assert.ok(d.raw.condition > 100 && d.transformed.condition < 1.5, `${d.raw.condition} ${d.transformed.condition}`);
  // the test rows transformed with the training statistics
  d.raw.test.forEach((p, i) => {
    for (const k of [0, 1]) assert.ok(Math.abs((p[k] - mean[k]) / sd[k] - d.transformed.test[i][k]) < 1e-9);
  });
  // the table: rows named in words, numbers formatted
  const table = await b.page.locator('.tl-table').first().innerText();
  assert.match(table, /standardised/);
  assert.match(table, /Condition number κ/);
  noErrors();
});

test('a control and a drag change the figure through the URL', async () => {
  await openLab(b.page, `${srv.url}?view=normalise`);
  await b.page.getByLabel('Transform', { exact: true }).selectOption('centre');
  assert.match(new URL(await address(b.page)).search, /transform=centre/);
  let d = await data();
  assert.deepEqual(d.transformed.scale, [1, 1], 'centring divides by nothing');
  assert.ok(d.transformed.condition > 10, `centred bowl still long: ${d.transformed.condition}`);
  // press on the first contour plot at the weights (0.5, 1.5)
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  const geo = await b.page.evaluate(([w, h]) => window.trainlab.handle.command('geometry', `${w},${h}`), [box.width, box.height]);
  const g = geo[0];
  const want = [0.5 * (g.x[0] + g.x[1]), 0.5 * (g.y[0] + g.y[1])];
  const px = g.rect[0] + (want[0] - g.x[0]) / (g.x[1] - g.x[0]) * g.rect[2];
  const py = g.rect[1] + (g.y[1] - want[1]) / (g.y[1] - g.y[0]) * g.rect[3];
  await b.page.mouse.click(box.x + px, box.y + py);
  await b.page.waitForFunction(() => window.trainlab.handle.params().w1 !== 0);
  const p = await params();
  const tol = 0.02 * (g.x[1] - g.x[0]);
  assert.ok(Math.abs(p.w1 - want[0]) < tol && Math.abs(p.w2 - want[1]) < tol, `${p.w1}, ${p.w2} vs ${want}`);
  d = await data();
  assert.deepEqual(d.raw.points[0], [p.w1, p.w2]);
  assert.deepEqual(d.transformed.points[0], [p.w1, p.w2], 'both paths start there');
  noErrors();
});

test('a "try this" step: α = 0.1 is above the raw bowl’s 2/λmax, so only that path diverges', async () => {
  await openLab(b.page, `${srv.url}?view=normalise`);
  const steps = b.page.locator('.tl-step-button');
  assert.ok((await steps.count()) >= 3 && (await steps.count()) <= 6);
  await steps.nth(1).click();
  const url = new URL(await address(b.page));
  assert.equal(url.searchParams.get('step'), '2');
  assert.equal(url.searchParams.get('lr'), '0.1');
  const d = await data();
  assert.ok(d.raw.lr_max < 0.1 && d.transformed.lr_max > 0.1);
  assert.notEqual(d.raw.diverged_at, null);
  assert.equal(d.transformed.diverged_at, null);
  assert.ok(await b.page.locator('.tl-steps math').count() >= 1, 'the steps’ formulas are MathML');
  noErrors();
});

test('bad input: notices name each parameter and the defaults stand in', async () => {
  await openLab(b.page, `${srv.url}?view=normalise&lr=abc&rho=5&steps=-3&transform=whiten`);
  const text = await b.page.locator('.tl-notices').innerText();
  for (const name of ['lr', 'rho', 'steps', 'transform']) assert.match(text, new RegExp(name));
  const p = await params();
  assert.equal(p.lr, 0.06);
  assert.equal(p.transform, 'standardise');
  assert.ok(Math.abs(p.rho) <= 0.99);
  assert.equal(p.steps, 0);
  assert.equal((await data()).raw.points.length, 1);
  noErrors();
});

test('1400 × 900 and 390 × 844, English and Korean: no sideways scroll, the figure fits', async () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    await b.page.setViewportSize({ width, height });
    for (const lang of ['en', 'ko']) {
      await openLab(b.page, `${srv.url}?view=normalise&lang=${lang}`);
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
