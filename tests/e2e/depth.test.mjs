// view=depth in the browser (issue 14, seed 001): the deep linear network's magnitudes against
// their closed form 1.5^l and 0.5^l, He keeping a ReLU network level where Xavier shrinks it, a
// control and a step that set the URL, notices for bad URL parameters, and no sideways scroll at
// 1400 x 900 and 390 x 844 in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const data = () => b.page.evaluate(() => window.trainlab.handle.data());
const profile = (d, id) => d.profiles.find((p) => JSON.stringify(p.weights).toLowerCase().includes(id));

test('defaults: W = 1.5 I grows the activations as 1.5^l, 0.5 I shrinks them as 0.5^l; gradients from the top down', async () => {
  await openLab(b.page, `${srv.url}?view=depth`);
  const d = await data();
  assert.equal(d.config.layers, 50);
  assert.equal(d.profiles.length, 5);
  for (const [id, s] of [['up', 1.5], ['down', 0.5]]) {
    const p = profile(d, id);
    assert.ok(p, `${id} in ${JSON.stringify(d.profiles.map((q) => q.weights))}`);
    const L = p.activation.length - 1;
    assert.equal(L, 50);
    for (let l = 0; l <= L; l++) {
      const a = p.activation[0] * s ** l;
      assert.ok(Math.abs(p.activation[l] - a) <= 1e-9 * a, `${id} a[${l}] ${p.activation[l]} vs ${a}`);
      const g = p.gradient[L] * s ** (L - l);
      assert.ok(Math.abs(p.gradient[l] - g) <= 1e-9 * g, `${id} da[${l}] ${p.gradient[l]} vs ${g}`);
    }
  }
  // 1.5^50 ≈ 6.4 × 10^8: the notes' exploding output
  const up = profile(d, 'up');
  assert.ok(Math.abs(up.activation[50] / up.activation[0] / 1.5 ** 50 - 1) < 1e-9);
  assert.deepEqual(b.errors, []);
});

test('a control: ReLU, with He level and Xavier shrinking by 1/√2 a layer; the URL follows', async () => {
  await openLab(b.page, `${srv.url}?view=depth`);
  await b.page.locator('[data-param="activation"] select').selectOption('relu');
  assert.match(new URL(await address(b.page)).search, /activation=relu/);
  const d = await data();
  const he = profile(d, 'he');
  const xavier = profile(d, 'xavier');
  const gain = (p) => (p.activation.at(-1) / p.activation[0]) ** (1 / (p.activation.length - 1));
  assert.ok(Math.abs(gain(he) - 1) < 0.1, `He per layer ${gain(he)}`);
  assert.ok(Math.abs(gain(xavier) - Math.SQRT1_2) < 0.07, `Xavier per layer ${gain(xavier)} vs 1/√2`);
  assert.ok(xavier.activation.at(-1) < he.activation.at(-1) / 1000);
  // the table of the schemes: one row each, words in the first cell
  const rows = await b.page.locator('.tl-table tbody tr').count();
  assert.equal(rows, 5);
  assert.deepEqual(b.errors, []);
});

test('bad URL parameters: notices naming them, capped values, the figure still drawn', async () => {
  await openLab(b.page, `${srv.url}?view=depth&layers=999&width=0&activation=swish`);
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /layers|Layers/);
  assert.match(text, /width|Units/);
  assert.match(text, /activation|Activation/);
  const d = await data();
  assert.ok(d.config.layers <= 50 && d.config.width >= 1, JSON.stringify(d.config));
  assert.ok(d.profiles.every((p) => p.activation.every((v) => Number.isFinite(v) || v === null)));
  assert.deepEqual(b.errors, []);
});

test('a step sets its parameters and step=N; no sideways scroll at 1400 x 900 and 390 x 844, en and ko', async () => {
  await openLab(b.page, `${srv.url}?view=depth`);
  const steps = b.page.locator('.tl-step-button');
  assert.ok((await steps.count()) >= 3 && (await steps.count()) <= 6);
  await steps.nth(2).click();
  const p = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.equal(p.show, 'init');
  assert.equal(p.activation, 'relu');
  assert.equal(new URL(await address(b.page)).searchParams.get('step'), '3');
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    await b.page.setViewportSize({ width, height });
    for (const lang of ['en', 'ko']) {
      await openLab(b.page, `${srv.url}?view=depth&lang=${lang}`);
      const m = await b.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        fields: [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length,
        math: document.querySelectorAll('.tl-steps math, #view-lead math').length,
      }));
      assert.ok(m.scroll <= m.width, `${width}px ${lang}: the page is ${m.scroll} px wide`);
      assert.ok(m.fields <= 12, `${m.fields} fields`);
      assert.ok(m.math >= 3, `formulas as MathML (${m.math})`);
      const canvas = await b.page.locator('.tl-canvas').boundingBox();
      assert.ok(canvas.x + canvas.width <= width, 'the figure fits');
    }
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});
