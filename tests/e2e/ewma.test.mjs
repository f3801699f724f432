// End to end: the served dist/ in Debian's Chromium, driven like a user. Every test fails on any
// console error or page error (the panic hook turns a Rust panic into a console error).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, openLab, address, revealControls } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

function noErrors() {
  assert.deepEqual(b.errors, [], 'console errors');
}

test('?view=ewma&beta=0.98: handle.data() follows V_t = βV_{t-1} + (1-β)θ_t', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&beta=0.98`);
  const data = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.equal(data.lines.length, 1);
  assert.equal(data.lines[0].beta, 0.98);
  assert.equal(data.temperature.length, 365);
  // independent computation in JavaScript from the series the page shows
  let v = 0;
  data.temperature.forEach((theta, i) => {
    v = 0.98 * v + (1 - 0.98) * theta;
    assert.ok(Math.abs(data.lines[0].raw[i] - v) < 1e-9, `V_${i + 1}`);
    assert.ok(Math.abs(data.lines[0].corrected[i] - v / (1 - 0.98 ** (i + 1))) < 1e-9);
  });
  assert.ok(Math.abs(data.lines[0].window - 50) < 1e-9);
  // the canonical address holds every parameter
  assert.equal(new URL(await address(b.page)).search, '?view=ewma&beta=0.98&bias_correction=0&days=365&noise=6&seed=1');
  noErrors();
});

test('changing a control redraws and updates the URL', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&beta=0.98`);
  const before = await b.page.evaluate(() => window.trainlab.handle.data().temperature[0]);
  await b.page.getByLabel('Bias correction', { exact: true }).check();
  assert.match(new URL(await address(b.page)).search, /bias_correction=1/);
  await revealControls(b.page);
  await b.page.getByLabel('Seed', { exact: true }).fill('42');
  await b.page.getByLabel('Seed', { exact: true }).press('Enter');
  assert.match(new URL(await address(b.page)).search, /seed=42/);
  const after = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.notEqual(after.temperature[0], before);
  assert.equal(after.bias_correction, true);
  // the noise slider sends input events while dragging
  const slider = b.page.locator('[data-param="noise"] input[type="range"]');
  await slider.fill('12');
  assert.match(new URL(await address(b.page)).search, /noise=12/);
  // add a line, then remove it again
  await b.page.getByRole('button', { name: '+ Add' }).click();
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).beta.length, 2);
  await b.page.getByRole('button', { name: /^Remove/ }).first().click();
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).beta.length, 1);
  // the share link reproduces the figure exactly
  const link = await address(b.page);
  const shown = await b.page.evaluate(() => window.trainlab.handle.data());
  await openLab(b.page, link);
  assert.deepEqual(await b.page.evaluate(() => window.trainlab.handle.data()), shown);
  noErrors();
});

test('a malformed URL shows notices naming each parameter and falls back', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&beta=1.5,abc&days=1e12&noise=NaN&bogus=1`);
  const text = await b.page.locator('.tl-notices').innerText();
  for (const name of ['beta', 'days', 'noise', 'bogus']) assert.match(text, new RegExp(name));
  const params = await b.page.evaluate(() => window.trainlab.handle.params());
  assert.deepEqual(params.beta, [0.9, 0.98, 0.5], 'a bad list item keeps the default list');
  assert.equal(params.days, 10000, 'clamped to the nearest valid value');
  assert.equal(params.noise, 6, 'malformed falls back to the default');
  await openLab(b.page, `${srv.url}?view=nope&beta=0.5`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /nope/);
  // an unknown view opens the first view of the course (the parameters it does not have are
  // named in notices too)
  const first = await b.page.evaluate(() => window.trainlab.catalog.views[0].id);
  assert.equal(await b.page.evaluate(() => window.trainlab.handle.viewId), first);
  await openLab(b.page, `${srv.url}?view=ewma&beta=0.5`);
  assert.deepEqual((await b.page.evaluate(() => window.trainlab.handle.params())).beta, [0.5]);
  // a typed value out of range is clamped with a notice, and the previous figure is never lost
  await revealControls(b.page);
  await b.page.locator('[data-param="days"] input[type="number"]').fill('99999');
  await b.page.locator('[data-param="days"] input[type="number"]').press('Enter');
  assert.match(await b.page.locator('.tl-notices').innerText(), /days/);
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).days, 10000);
  noErrors();
});

test('embed=1 shows only the figure and controls; hide= hides a control but keeps its value', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&embed=1&hide=seed,noise&seed=9`);
  assert.equal(await b.page.locator('.lab-nav').isVisible(), false);
  assert.equal(await b.page.locator('#view-lead').isVisible(), false);
  assert.equal(await b.page.locator('canvas').isVisible(), true);
  assert.equal(await b.page.locator('[data-param="seed"]').isVisible(), false);
  assert.equal(await b.page.locator('[data-param="beta"]').isVisible(), true);
  assert.equal((await b.page.evaluate(() => window.trainlab.handle.params())).seed, 9);
  await b.page.getByLabel('Bias correction', { exact: true }).check();
  const q = new URL(await address(b.page)).searchParams;
  assert.equal(q.get('embed'), '1');
  assert.equal(q.get('hide'), 'seed,noise');
  assert.equal(q.get('seed'), '9');
  noErrors();
});

test('exports: SVG from the chart code, PNG, CSV and JSON downloads', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&beta=0.9&days=50`);
  const download = async (name) => {
    const [d] = await Promise.all([b.page.waitForEvent('download'), b.page.getByRole('button', { name, exact: true }).click()]);
    return { name: d.suggestedFilename(), body: await readFile(await d.path()) };
  };
  const svg = await download('SVG');
  assert.equal(svg.name, 'trainlab-ewma.svg');
  assert.match(svg.body.toString(), /^<svg[\s\S]*β=0\.9 \(≈10 d\)[\s\S]*<\/svg>\s*$/);
  const png = await download('PNG');
  assert.deepEqual([...png.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const csv = (await download('CSV')).body.toString().trim().split('\n');
  assert.equal(csv[0], 'day,temperature,ewma_beta_0.9,ewma_beta_0.9_corrected');
  assert.equal(csv.length, 51);
  const json = JSON.parse((await download('JSON')).body.toString());
  assert.equal(json.view, 'ewma');
  assert.equal(json.data.temperature.length, 50);
  noErrors();
});

test('embed API: two views mounted on one page stay independent', async () => {
  await openLab(b.page, `${srv.url}?view=ewma`);
  const result = await b.page.evaluate(async () => {
    const api = await import('./www/trainlab.js');
    await api.init();
    const a = document.createElement('div');
    const c = document.createElement('div');
    document.body.append(a, c);
    const h1 = api.mount(a, 'ewma', { beta: [0.9], seed: 1 });
    const h2 = api.mount(c, 'ewma', 'beta=0.5,0.6&seed=2');
    h1.set({ bias_correction: true });
    const out = { p1: h1.params(), p2: h2.params(), svg: h2.svg().slice(0, 4), views: api.views().map((v) => v.id) };
    h1.destroy();
    out.left = document.querySelectorAll('.tl-view').length;
    h2.destroy();
    return out;
  });
  assert.deepEqual(result.p1.beta, [0.9]);
  assert.equal(result.p1.bias_correction, true);
  assert.deepEqual(result.p2.beta, [0.5, 0.6]);
  assert.equal(result.p2.bias_correction, false);
  assert.equal(result.svg, '<svg');
  assert.ok(result.views.includes('ewma'));
  assert.equal(result.left, 2, 'destroy removes only its own view');
  noErrors();
});

test('the page makes no request outside its own files', async () => {
  const foreign = [];
  b.page.on('request', (r) => { if (!r.url().startsWith(srv.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await openLab(b.page, `${srv.url}?view=ewma`);
  assert.deepEqual(foreign, []);
  noErrors();
});
