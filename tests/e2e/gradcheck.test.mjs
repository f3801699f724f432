// End to end: view=gradcheck in Chromium. The relative differences come from the Rust engine;
// here they are checked against their definition and the notes' thresholds, and the controls,
// the URL and bad input are exercised like a user would; the page's shape (laptop and phone), its
// "try this" steps, the bars' readout, and a table that names W1 and b1 and writes 10⁻⁹, not 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address } from './harness.mjs';
import { checkShape, checkSteps, checkReadout } from './view-shape.mjs';
import words from '../../www/text/gradcheck.js';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const data = () => b.page.evaluate(() => window.trainlab.handle.data());

test('a correct backward pass is fine, a planted bug is caught in the layer it touches', async () => {
  await openLab(b.page, `${srv.url}?view=gradcheck`);
  let d = await data();
  assert.equal(d.verdict, 'fine');
  assert.ok(d.rel_diff < 1e-7, `${d.rel_diff}`);
  assert.deepEqual(d.names, ['W1', 'b1', 'W2', 'b2', 'W3', 'b3', 'all']);
  // 4-5-5-3 network: 20 + 5 + 25 + 5 + 15 + 3 parameters
  assert.equal(d.report.total, 73);
  // every verdict follows the notes' thresholds
  const rule = (x) => (x <= 1e-7 ? 'fine' : x < 1e-3 ? 'look_closer' : 'bug');
  d.report.groups.forEach((g) => assert.equal(g.verdict, rule(g.rel_diff)));
  assert.equal(d.verdict, rule(d.rel_diff));
  await b.page.getByLabel('Plant a bug', { exact: true }).selectOption('activation_sign');
  assert.match(new URL(await address(b.page)).search, /bug=activation_sign/);
  d = await data();
  assert.equal(d.verdict, 'bug');
  const byName = Object.fromEntries(d.report.groups.map((g) => [g.name, g.verdict]));
  assert.equal(byName.W1, 'bug');
  assert.equal(byName.b1, 'bug');
  assert.equal(byName.W2, 'fine');
  assert.deepEqual(b.errors, []);
});

test('dropout: fresh masks fail the check, frozen masks pass it', async () => {
  await openLab(b.page, `${srv.url}?view=gradcheck&keep_prob=0.5`);
  assert.equal((await data()).verdict, 'bug');
  await b.page.getByLabel('Freeze dropout masks', { exact: true }).check();
  assert.match(new URL(await address(b.page)).search, /freeze_masks=1/);
  assert.equal((await data()).verdict, 'fine');
  assert.deepEqual(b.errors, []);
});

test('bad input gives a notice and keeps the previous figure', async () => {
  await openLab(b.page, `${srv.url}?view=gradcheck&layers=9`);
  assert.match(await b.page.locator('body').innerText(), /layers/);
  await openLab(b.page, `${srv.url}?view=gradcheck&layers=1`);
  const before = await data();
  // batch norm without a hidden layer is refused as a combination
  const notices = await b.page.evaluate(() => window.trainlab.handle.set({ layers: 0, batch_norm: true }));
  assert.ok(JSON.stringify(notices).includes('batch norm'), JSON.stringify(notices));
  assert.deepEqual(await data(), before);
  assert.deepEqual(b.errors, []);
});

test('the page at 1400 x 900 and 390 x 844: no sideways scroll, a dozen fields at most, formulas as MathML', async () => {
  await checkShape(b, srv.url, 'gradcheck', words);
  // the relative difference's definition is typeset (a fraction of norms)
  assert.ok(await b.page.locator('#view-lead math mfrac').count() > 0);
  assert.deepEqual(b.errors, []);
});

test('each "try this" step applies its parameters and puts step=N in the address', async () => {
  await checkSteps(b, srv.url, 'gradcheck', words);
  assert.deepEqual(b.errors, []);
});

test('the table names every tensor and writes tiny differences as powers of ten, in both languages', async () => {
  for (const [lang, header, all] of [['en', 'Relative difference', 'all parameters'], ['ko', '상대 차이', '전체 파라미터']]) {
    await openLab(b.page, `${srv.url}?view=gradcheck&lang=${lang}`);
    const t = await b.page.evaluate(() => ({
      heads: [...document.querySelectorAll('.tl-table th')].map((e) => e.textContent),
      rows: [...document.querySelectorAll('.tl-table tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
    }));
    assert.equal(t.heads[2], header);
    assert.deepEqual(t.rows.map((r) => r[0]), ['W1', 'b1', 'W2', 'b2', 'W3', 'b3', all]);
    for (const r of t.rows) {
      // healthy differences are about 10⁻⁹: written as such, never rounded to 0
      assert.match(r[2], /^(\d(\.\d+)? × )?10⁻[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*$/, `${r[0]}: ${r[2]}`);
    }
  }
  assert.deepEqual(b.errors, []);
});

test('hovering a bar names its tensor and difference, and so do the arrow keys', async () => {
  for (const size of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
    await b.page.setViewportSize(size);
    await openLab(b.page, `${srv.url}?view=gradcheck&bug=activation_sign`);
    const r = await checkReadout(b);
    assert.match(r.hovered, /^(W|b)\d \(\d+ entries\): relative difference .+, (fine|look closer|very likely a bug)$/);
    assert.notEqual(r.keyed, r.down, 'up and down move to another bar');
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});
