// End to end: view=search in Chromium. The data is checked against the surface formula and the
// search rules computed independently in JavaScript; the study button writes study=1 to the URL.
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
  await b.page.locator('[data-param="alpha_low"] input[type="number"]').fill('2');
  await b.page.locator('[data-param="alpha_low"] input[type="number"]').press('Enter');
  const text = await b.page.locator('.tl-notices').innerText();
  assert.match(text, /alpha_low/);
  assert.match(text, /below high/);
  assert.deepEqual(await data(), before, 'previous figure kept');
  assert.deepEqual(b.errors, []);
});
