// End to end: view=scale in Chromium: histogram counts and decade shares against their expected
// values (tolerance 5 binomial standard errors), the recipe code follows the range, bad input;
// then the page of issue 12 at a laptop's and a phone's size: the fields at the defaults, a
// relevance rule, the try-this steps, formulas, Korean tables, the readout of a bar.
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

// ---- issue 12 ------------------------------------------------------------------------------------

const LAPTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const visibleFields = (page) => page.evaluate(() => [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length);
const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const viewport of [LAPTOP, PHONE]) {
  test(`at ${viewport.width} x ${viewport.height}: few fields, no sideways scroll, formulas, Korean tables`, async () => {
    const p = await browser({ viewport });
    try {
      await openLab(p.page, `${srv.url}?view=scale`);
      const n = await visibleFields(p.page);
      assert.ok(n >= 3 && n <= 12, `${n} fields`);
      assert.ok(await noSideScroll(p.page), 'no horizontal scroll');
      assert.ok(await p.page.locator('.tl-steps math').count() >= 4, 'typeset formulas');
      const en = await p.page.locator('.tl-table th').allInnerTexts();
      assert.ok(en.includes('Share of samples, α, log scale'), en.join('|'));
      for (const q of ['', '&panel=integers']) {
        const enQ = q ? await (async () => { await openLab(p.page, `${srv.url}?view=scale${q}`); return p.page.locator('.tl-table th, .tl-table td:first-child').allInnerTexts(); })() : en;
        await openLab(p.page, `${srv.url}?view=scale&lang=ko${q}`);
        const ko = await p.page.locator(q ? '.tl-table th, .tl-table td:first-child' : '.tl-table th').allInnerTexts();
        assert.equal(ko.length, enQ.length);
        for (const [i, h] of ko.entries()) assert.notEqual(h, enQ[i], `${h} is not translated`);
        assert.ok(await noSideScroll(p.page), 'no horizontal scroll in Korean');
      }
      assert.deepEqual(p.errors, []);
    } finally {
      await p.close();
    }
  });
}

test('a panel\'s range appears with its panel and keeps its value; whole numbers have no axis choice', async () => {
  await openLab(b.page, `${srv.url}?view=scale`);
  const field = (name) => b.page.locator(`[data-param="${name}"]`);
  assert.equal(await field('beta_low').isVisible(), false);
  await setNumber('alpha_low', '0.001');
  await b.page.locator('[data-param="panel"] select').selectOption('beta');
  assert.equal(await field('beta_low').isVisible(), true, 'shown for its panel');
  assert.equal(await field('alpha_low').isVisible(), false, 'hidden for another');
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).alpha_low, 0.001, 'kept while hidden');
  assert.match(new URL(await address(b.page)).search, /alpha_low=0\.001/);
  await b.page.locator('[data-param="panel"] select').selectOption('integers');
  assert.equal(await field('axis_left').isVisible(), false, 'whole numbers: always a linear axis');
  const d = await data();
  assert.deepEqual(d.histograms.map((h) => [h.x_axis, h.counts.length]), [['linear', 51], ['linear', 3]]);
  await b.page.locator('[data-param="panel"] select').selectOption('alpha');
  assert.equal(await field('alpha_low').locator('input[type="number"]').inputValue(), '0.001');
  // α's ends move on a log slider: position log10 of the value
  const pos = await field('alpha_low').locator('input[type="range"]').inputValue();
  assert.ok(Math.abs(Number(pos) + 3) < 1e-9, pos);
  assert.deepEqual(b.errors, []);
});

test('a try-this step sets its parameters over the defaults; the URL carries step=N', async () => {
  await openLab(b.page, `${srv.url}?view=scale&samples=300`);
  await b.page.locator('.tl-step-button').nth(2).click();
  const q = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.equal(q.panel, 'beta');
  assert.equal(q.samples, 1000, 'over the defaults');
  assert.match(new URL(await address(b.page)).search, /[?&]step=3(&|$)/);
  assert.deepEqual(b.errors, []);
});

test('hover a bar for its interval and count', async () => {
  await openLab(b.page, `${srv.url}?view=scale`);
  const d = await data();
  const box = await b.page.locator('canvas.tl-canvas').boundingBox();
  // the right histogram's first bar: its panel starts at half the width; plotting area inset
  // [48, 24, 10, 40] (chart/scale/histogram.rs)
  await b.page.mouse.move(box.x + box.width / 2 + 60, box.y + 60);
  await b.page.mouse.move(box.x + box.width / 2 + 48 + 3, box.y + box.height - 40 - 3, { steps: 3 });
  const tip = b.page.locator('.tl-readout');
  await tip.waitFor({ state: 'visible' });
  assert.equal(await tip.innerText(), `[10⁻⁴, 1.26 × 10⁻⁴): ${d.histograms[1].counts[0]} of 1000 samples`);
  assert.deepEqual(b.errors, []);
});
