// End to end: view=scale in Chromium: histogram counts and decade shares against their expected
// values (tolerance 5 binomial standard errors), the recipe code follows the range, bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const data = () => b.page.evaluate(() => window.trainlab.handle.data());
const se5 = (p, n) => 5 * Math.sqrt((p * (1 - p)) / n);
const setNumber = async (name, value) => {
  const input = b.page.locator(`[data-param="${name}"] input[type="number"]`);
  await input.fill(value);
  await input.press('Enter');
};

test('α in [1e-4, 1]: linear puts about 90% in [0.1, 1], log about 25% per decade', async () => {
  await openLab(b.page, `${srv.url}?view=scale`);
  const d = await data();
  assert.equal(d.samples, 1000);
  for (const h of d.histograms) {
    assert.equal(h.counts.reduce((a, c) => a + c, 0), 1000);
    assert.ok(h.min >= 1e-4 && h.max <= 1);
  }
  assert.equal(d.shares.length, 4);
  const top = d.shares[3];
  assert.equal(top.interval, '[0.1, 1)');
  assert.ok(Math.abs(top.expected_left - 0.9 / (1 - 1e-4)) < 1e-9);
  assert.ok(Math.abs(top.left - 0.9) < se5(0.9, 1000), `${top.left}`);
  for (const s of d.shares) {
    assert.ok(Math.abs(s.expected_right - 0.25) < 1e-9);
    assert.ok(Math.abs(s.right - 0.25) < se5(0.25, 1000), `${s.interval}: ${s.right}`);
  }
  const code = await b.page.locator('[data-code="scale"] pre').innerText();
  assert.match(code, /a = log10\(0\.0001\)\s+# = -4/);
  assert.match(code, /alpha = 10 \*\* r/);
  // the code follows the range
  await setNumber('alpha_low', '0.001');
  assert.match(await b.page.locator('[data-code="scale"] pre').innerText(), /a = log10\(0\.001\)\s+# = -3/);
  assert.deepEqual(b.errors, []);
});

test('β: half the draws in [0.99, 0.999] with 1 − β on a log scale; axes switch; the quiz is shown', async () => {
  await openLab(b.page, `${srv.url}?view=scale&panel=beta&samples=4000`);
  const d = await data();
  const s = d.shares.find((x) => x.interval.startsWith('[0.99'));
  assert.ok(Math.abs(s.right - 0.5) < se5(0.5, 4000), `${s.right}`);
  assert.ok(Math.abs(s.left - 0.009 / 0.099) < se5(0.09, 4000), `${s.left}`);
  const code = await b.page.locator('[data-code="scale"] pre').innerText();
  assert.match(code, /beta = 1 - 10 \*\* r/);
  assert.match(code, /beta = 1 - 10 \*\* \(-r - 1\)/);
  await b.page.locator('[data-param="axis_left"] select').selectOption('linear');
  assert.match(new URL(await address(b.page)).search, /axis_left=linear/);
  assert.equal((await data()).histograms[0].x_axis, 'linear');
  assert.equal((await data()).histograms[1].x_axis, 'log_one_minus');
  assert.deepEqual(b.errors, []);
});

test('bad input: above the cap, log from 0, 1 − x at 1, low above high: notice, previous figure stays', async () => {
  await openLab(b.page, `${srv.url}?view=scale`);
  const before = await data();
  for (const [name, value, pattern] of [
    ['samples', '200000', /cap of 100000/],
    ['alpha_low', '0', /low > 0/],
    ['alpha_low', '5', /below high/],
  ]) {
    await setNumber(name, value);
    const text = await b.page.locator('.tl-notices').innerText();
    assert.match(text, new RegExp(name));
    assert.match(text, pattern);
    assert.deepEqual(await data(), before, `${name}=${value}: previous figure kept`);
  }
  await openLab(b.page, `${srv.url}?view=scale&panel=beta&beta_high=1`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /1 − x/);
  assert.deepEqual(b.errors, []);
});
