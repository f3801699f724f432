// view=learning in the browser (issue 14, DLFS optimizer_compare_mnist / weight_init_compare):
// the seven runs computed by Web Workers through the shared run pool give the numbers of the
// in-page run, bit for bit; workers stream partial curves; cancel stops them within 100 ms and
// resume finishes with the uninterrupted numbers; the single-file build falls back to the page;
// the smoothed curve is DLFS's smooth_curve (recomputed here) and std 0.01 starts at ln 10; bad
// URL parameters give notices; a control and a step set the URL; no sideways scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { serve, browser, openLab, address, DIST } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const SMALL = 'view=learning&iterations=200&batch=32&layers=2&units=32&seed=3';
const finished = () => b.page.evaluate(() => window.trainlab.handle.finished().then(() => window.trainlab.handle.data()));
const pool = () => b.page.evaluate(() => document.querySelector('.tl-view').runPool());

async function run(query) {
  await openLab(b.page, `${srv.url}?${query}`);
  const d = await finished();
  return { d, pool: await pool() };
}

/** I0 by its power series Σ ((x/2)^k / k!)^2. */
function i0(x) {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 60; k++) {
    term *= (x / 2) / k;
    sum += term * term;
  }
  return sum;
}

/** DLFS's smooth_curve in numpy's steps: reflect 10 at each end, convolve with kaiser(11, 2). */
function smoothCurve(x) {
  if (x.length < 11) return x.slice();
  const w = Array.from({ length: 11 }, (_, n) => i0(2 * Math.sqrt(1 - ((2 * n) / 10 - 1) ** 2)) / i0(2));
  const total = w.reduce((a, c) => a + c, 0);
  const n = x.length;
  const s = [...Array.from({ length: 10 }, (_, i) => x[10 - i]), ...x, ...Array.from({ length: 10 }, (_, i) => x[n - 1 - i])];
  const valid = [];
  for (let i = 0; i + 11 <= s.length; i++) {
    let v = 0;
    for (let j = 0; j < 11; j++) v += (w[10 - j] / total) * s[i + j];
    valid.push(v);
  }
  return valid.slice(5, valid.length - 5);
}

test('workers give the in-page numbers bit for bit; smoothed curves are DLFS\'s smooth_curve; std 0.01 starts at ln 10', async () => {
  const page = await run(`${SMALL}&workers=0`);
  assert.equal(page.pool.mode, 'page');
  assert.equal(page.d.external, false);
  const multi = await run(`${SMALL}&workers=2`);
  assert.equal(multi.pool.mode, 'workers', JSON.stringify(multi.pool));
  assert.equal(multi.pool.workers, 2);
  assert.equal(multi.d.external, true);
  assert.equal(multi.pool.runs, 7, 'the workers computed the seven runs');
  assert.equal(page.d.runs.length, 7);
  assert.deepEqual(multi.d.runs, page.d.runs, 'bit for bit');
  for (const r of page.d.runs) {
    assert.equal(r.loss.length, 200);
    const ours = smoothCurve(r.loss);
    assert.ok(r.smoothed.every((v, i) => Math.abs(v - ours[i]) < 1e-12), `${r.id}: smooth_curve`);
  }
  const std = page.d.runs.find((r) => r.id === 'std001');
  assert.ok(Math.abs(std.loss[0] - Math.LN10) < 1e-3, `std 0.01 starts at ln 10: ${std.loss[0]}`);
  assert.equal(page.d.chance, Math.LN10);
  // the CSV: one row per run and iteration
  const csv = await b.page.evaluate(() => window.trainlab.handle.csv());
  assert.equal(csv.trim().split('\n').length, 1 + 7 * 200);
  assert.match(await b.page.locator('.tl-study').innerText(), /2 Web Workers · 7 of 7 runs done/);
  assert.deepEqual(b.errors, []);
});

test('workers stream partial curves; cancel stops them within 100 ms and resume gives the same numbers', async () => {
  const q = 'view=learning&iterations=1500&batch=64&layers=3&units=64&seed=5';
  for (const workers of [2, 0]) {
    const straight = (await run(`${q}&workers=${workers}`)).d;
    await openLab(b.page, `${srv.url}?${q}&workers=${workers}`);
    // a run still training has a curve so far (with workers: a partial report streamed from one)
    await b.page.waitForFunction(() => window.trainlab.handle.data().runs.some((r) => r.loss.length > 0 && !r.done));
    const r = await b.page.evaluate(async () => {
      const h = window.trainlab.handle;
      const done = () => h.work().progress?.done ?? 0;
      h.cancel();
      const at = done();
      await new Promise((ok) => setTimeout(ok, 100));
      const after100 = done();
      await new Promise((ok) => setTimeout(ok, 400));
      return { at, after100, after500: done(), pool: document.querySelector('.tl-view').runPool(), work: h.work() };
    });
    assert.equal(r.work.paused, true);
    assert.equal(r.pool.workers, 0, 'workers terminated');
    assert.ok(r.after100 <= r.at + 1, `nothing moves after cancel: ${r.at} -> ${r.after100}`);
    assert.equal(r.after500, r.after100);
    assert.ok(r.at < 7 * 1500, 'cancelled before the end');
    await b.page.evaluate(() => window.trainlab.handle.resume());
    const resumed = await finished();
    assert.deepEqual(resumed.runs, straight.runs, `workers=${workers}: same numbers after cancel and resume`);
  }
  assert.deepEqual(b.errors, []);
});

test('the single-file build from file:// computes in the page and gets the same numbers', async () => {
  const served = await run(`${SMALL}&workers=2`);
  await b.page.goto(`${pathToFileURL(join(DIST, 'trainlab.html')).href}?${SMALL}&workers=2`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30_000 });
  const d = await finished();
  const p = await pool();
  assert.equal(p.mode, 'page', JSON.stringify(p));
  assert.equal(d.external, false);
  assert.deepEqual(d.runs, served.d.runs);
  assert.match(await b.page.locator('.tl-study').innerText(), /in this page/);
  assert.deepEqual(b.errors, []);
});

test('a control and a step set the URL; only what is shown changing keeps the curves', async () => {
  const { d } = await run(`${SMALL}&workers=2`);
  await b.page.locator('[data-param="compare"] select').selectOption('optimizers');
  assert.match(new URL(await address(b.page)).search, /compare=optimizers/);
  const opt = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.equal(opt.runs.length, 4);
  assert.deepEqual(opt.runs, d.runs.slice(0, 4), 'the same curves, nothing retrained');
  const steps = b.page.locator('.tl-step-button');
  assert.ok((await steps.count()) >= 3 && (await steps.count()) <= 6);
  await steps.nth(2).click();
  const p = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.equal(p.compare, 'init');
  assert.equal(p.iterations, 2000, 'a step starts from the defaults');
  assert.equal(new URL(await address(b.page)).searchParams.get('step'), '3');
  await b.page.evaluate(() => window.trainlab.handle.cancel());
  assert.deepEqual(b.errors, []);
});

test('bad URL parameters: notices naming them and a working view; a malformed report changes nothing', async () => {
  await openLab(b.page, `${srv.url}?view=learning&iterations=99999&momentum=1.5&batch=0&compare=everything&workers=0`);
  const text = await b.page.locator('.tl-notices').innerText();
  for (const p of [/iterations|Iterations/, /momentum|Momentum/, /batch|Mini-batch/, /compare|Compare/]) assert.match(text, p);
  const d = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.ok(d.config.iterations <= 10000 && d.config.batch >= 1, JSON.stringify(d.config));
  await b.page.evaluate(() => window.trainlab.handle.cancel());
  const before = await b.page.evaluate(() => JSON.stringify(window.trainlab.handle.data().runs));
  const out = await b.page.evaluate(() => window.trainlab.handle.command('result', '{"run": 1'));
  assert.equal(out, null);
  assert.match(await b.page.locator('.tl-notices').innerText(), /result/);
  assert.equal(await b.page.evaluate(() => JSON.stringify(window.trainlab.handle.data().runs)), before);
  assert.deepEqual(b.errors, []);
});

test('1400 x 900 and 390 x 844, en and ko: no sideways scroll, at most 12 fields, formulas as MathML, table in words', async () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    await b.page.setViewportSize({ width, height });
    for (const [lang, head] of [['en', 'Smoothed loss'], ['ko', '평활']]) {
      await openLab(b.page, `${srv.url}?${SMALL}&lang=${lang}&workers=2`);
      await finished();
      const m = await b.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        fields: [...document.querySelectorAll('.tl-controls .tl-field')].filter((f) => f.checkVisibility()).length,
        math: document.querySelectorAll('.tl-steps math, #view-lead math').length,
        heads: [...document.querySelectorAll('.tl-table th')].map((th) => th.textContent),
        first: [...document.querySelectorAll('.tl-table tbody tr')].map((tr) => tr.children[0].textContent),
      }));
      assert.ok(m.scroll <= m.width, `${width}px ${lang}: the page is ${m.scroll} px wide`);
      assert.ok(m.fields <= 12, `${m.fields} fields`);
      assert.ok(m.math >= 3, `formulas as MathML (${m.math})`);
      assert.ok(m.heads.some((h) => h.includes(head)), `${lang}: ${m.heads}`);
      assert.ok(!m.first.some((c) => /^(std001|xavier|he|sgd)$/.test(c)), `row labels in words: ${m.first}`);
      const canvas = await b.page.locator('.tl-canvas').boundingBox();
      assert.ok(canvas.x + canvas.width <= width, 'the figure fits');
    }
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});

test('compare=augment: the three augmentation runs in workers give the in-page numbers; accuracies per epoch, partial curves, the gap table', async () => {
  const q = 'view=learning&compare=augment&epochs=4&seed=2';
  const page = await run(`${q}&workers=0`);
  assert.equal(page.pool.mode, 'page');
  const multi = await run(`${q}&workers=2`);
  assert.equal(multi.pool.mode, 'workers', JSON.stringify(multi.pool));
  assert.equal(multi.pool.runs, 3, 'the workers computed the three augmentation runs');
  assert.equal(page.d.runs.length, 3);
  assert.deepEqual(page.d.runs.map((r) => r.id), ['none', 'shift', 'shift_rotate']);
  assert.deepEqual(multi.d.runs, page.d.runs, 'bit for bit');
  for (const r of page.d.runs) {
    assert.equal(r.panel, 'augment');
    assert.equal(r.train_acc.length, 5, 'epochs 0..4');
    assert.equal(r.dev_acc.length, 5);
    assert.equal(r.loss.length, 12, '3 mini-batches of 100 per epoch');
    assert.ok(r.train_acc.every((a) => a >= 0 && a <= 1));
  }
  // the same initial weights: epoch 0 is the same network for all three
  assert.equal(page.d.runs[0].dev_acc[0], page.d.runs[2].dev_acc[0]);
  const t = page.d.tables[0];
  assert.equal(t.id, 'augment');
  const last = page.d.runs[1];
  assert.equal(t.rows[1][4], last.train_acc[4] - last.dev_acc[4], 'the gap is train - dev after the last epoch');
  assert.match(await b.page.locator('.tl-study').innerText(), /3 of 3 runs done/);
  const heads = await b.page.evaluate(() => [...document.querySelectorAll('.tl-table th')].map((th) => th.textContent));
  assert.ok(heads.some((h) => /Gap/.test(h)), `${heads}`);
  // the default page trains none of them
  await openLab(b.page, `${srv.url}?view=learning&workers=0`);
  const d = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.ok(d.runs.every((r) => r.panel !== 'augment'));
  await b.page.evaluate(() => window.trainlab.handle.cancel());
  // live: a longer run streams partial accuracies from a worker, and cancel stops it
  await openLab(b.page, `${srv.url}?view=learning&compare=augment&epochs=300&workers=2`);
  await b.page.waitForFunction(() => window.trainlab.handle.data().runs.some((r) => r.train_acc?.length > 1 && !r.done), null, { timeout: 60_000 });
  await b.page.evaluate(() => window.trainlab.handle.cancel());
  assert.equal((await pool()).workers, 0, 'workers terminated');
  assert.deepEqual(b.errors, []);
});

test('bad augmentation input: augment=xyz gives a notice and the default (train), an unknown parameter here', async () => {
  await openLab(b.page, `${srv.url}?view=train&dataset=digits&augment=xyz`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /augment|Augment/);
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).augment, 'none');
  await openLab(b.page, `${srv.url}?view=learning&compare=augment&epochs=0&augment=xyz&workers=0`);
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /augment/);
  assert.match(text, /epochs|Epochs/);
  const d = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.equal(d.compare, 'augment');
  assert.ok(d.config.epochs >= 1, JSON.stringify(d.config));
  await b.page.evaluate(() => window.trainlab.handle.cancel());
  assert.deepEqual(b.errors, []);
});
