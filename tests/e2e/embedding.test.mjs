// Lecture-notes embedding: examples/lecture.html embeds every registered view as an iframe
// (embed=1) and as a <trainlab-view> custom element, plus one through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });


test('the lecture page embeds every view three ways without an error', async () => {
  await b.page.goto(`${srv.url}examples/lecture.html`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready === 'lecture');
  const ids = await b.page.evaluate(async () => (await import('../www/trainlab.js')).views().map((v) => v.id));
  // custom elements: each mounted with ink on its canvas
  await b.page.waitForFunction((n) => [...document.querySelectorAll('#elements trainlab-view')].filter((e) => e.handle).length === n, ids.length);
  const ink = await b.page.evaluate(() => [...document.querySelectorAll('#elements trainlab-view')].map((e) => {
    // the view lives in the element's shadow root; its handle's element is the view's root
    const c = e.handle.element.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) n++;
    return [e.getAttribute('view'), n, c.width * c.height];
  }));
  assert.equal(ink.length, ids.length);
  for (const [id, n, total] of ink) assert.ok(n > total * 0.005, `${id}: ink ${n} of ${total}`);
  // iframes: each shows its view in embed mode, sized for 560 x 400
  for (const [i, id] of ids.entries()) {
    // the frames load lazily (loading="lazy", as lecture notes should), so bring each into view first
    const owner = b.page.locator('#frames iframe').nth(i);
    await owner.scrollIntoViewIfNeeded();
    const frame = b.page.frameLocator('#frames iframe').nth(i);
    await frame.locator('html[data-ready]').waitFor({ timeout: 60000 });
    assert.equal(await frame.locator('.lab-nav').isVisible(), false);
    assert.equal(await frame.locator('canvas').isVisible(), true);
    assert.equal(await frame.locator('#embed-link a').isVisible(), true, `${id}: link back to the full lab`);
  }
  assert.equal(await b.page.evaluate(() => window.lectureApi.params().seed), 3);
  assert.deepEqual(b.errors, []);
});

test('custom element: attributes are parameters; changes re-render; bad ones give notices', async () => {
  await b.page.goto(`${srv.url}examples/lecture.html`);
  await b.page.waitForFunction(() => document.getElementById('ewma-element').handle);
  const el = b.page.locator('#ewma-element');
  assert.deepEqual(await b.page.evaluate(() => document.getElementById('ewma-element').handle.params().beta), [0.98, 0.9]);
  assert.equal(await el.locator('[data-param="seed"]').isVisible(), false, 'hide="seed"');
  await b.page.evaluate(() => document.getElementById('ewma-element').setAttribute('beta', '0.5'));
  await b.page.waitForFunction(() => document.getElementById('ewma-element').handle.params().beta[0] === 0.5);
  await b.page.evaluate(() => document.getElementById('ewma-element').setAttribute('beta', '7'));
  await b.page.waitForFunction(() => /beta/.test(document.getElementById('ewma-element').handle.element.querySelector('.tl-notices').textContent));
  assert.deepEqual(await b.page.evaluate(() => document.getElementById('ewma-element').handle.params().beta), [0.9999]);
  // an unknown attribute is a notice, like an unknown URL parameter
  await b.page.evaluate(() => {
    const e = document.createElement('trainlab-view');
    e.id = 'bad';
    e.setAttribute('view', 'ewma');
    e.setAttribute('colour', 'red');
    document.body.append(e);
  });
  await b.page.waitForFunction(() => document.getElementById('bad').handle);
  assert.match(await b.page.locator('#bad .tl-notices').innerText(), /colour/);
  // changing view= re-mounts
  await b.page.evaluate(() => document.getElementById('bad').setAttribute('view', 'nope'));
  await b.page.waitForFunction(() => /nope/.test(document.getElementById('bad').handle?.element.querySelector('.tl-notices')?.textContent ?? ''));
  assert.equal(await b.page.locator('#bad .tl-view').count(), 1);
  assert.deepEqual(b.errors, []);
});

test('embed=1 fits a 560 x 400 frame for every view (no scrolling of the page)', async () => {
  await b.page.setViewportSize({ width: 560, height: 400 });
  await b.page.goto(`${srv.url}?view=ewma`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  for (const id of ids) {
    await b.page.goto(`${srv.url}?view=${id}&embed=1`);
    await b.page.waitForFunction(() => document.documentElement.dataset.ready);
    // the page fits itself to the frame once more on the next frame (after views' extras render)
    await b.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await b.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    assert.ok(m[0] <= 560 && m[1] <= 400, `${id}: ${m[0]} x ${m[1]}`);
    assert.equal(await b.page.locator('#embed-link a').isVisible(), true);
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});
