// Walks every view in the wasm catalogue (the one registry): each has its text, mounts from its
// URL with no console error, shows a figure with ink on it, and round-trips its share link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

test('every registered view and parameter has its text', async () => {
  await openLab(b.page, srv.url);
  const missing = await b.page.evaluate(async () => {
    const { EN } = await import('./www/text.js');
    const out = [];
    for (const v of window.trainlab.catalog.views) {
      const t = EN.views[v.id];
      if (!t) { out.push(`${v.id}: no text`); continue; }
      for (const key of ['title', 'nav', 'lead']) if (!t[key]) out.push(`${v.id}.${key}`);
      if (!(t.notice ?? []).length) out.push(`${v.id}.notice`);
      for (const p of v.params) if (!t.params?.[p.name]?.label) out.push(`${v.id}.params.${p.name}.label`);
    }
    return out;
  });
  assert.deepEqual(missing, []);
});

test('every registered view mounts from its URL, draws, and its share link reproduces it', async () => {
  await openLab(b.page, srv.url);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  assert.ok(ids.length >= 1);
  for (const id of ids) {
    await openLab(b.page, `${srv.url}?view=${id}`);
    const state = await b.page.evaluate(() => {
      const h = window.trainlab.handle;
      const c = h.element.querySelector('canvas');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
      return { id: h.viewId, ink, total: c.width * c.height, svg: h.svg().slice(0, 4), data: h.data(), notices: h.notices(), title: document.title };
    });
    assert.equal(state.id, id);
    assert.deepEqual(state.notices, [], `${id}: notices at defaults`);
    assert.ok(state.ink > state.total * 0.005 && state.ink < state.total * 0.6, `${id}: ink ${state.ink} of ${state.total}`);
    assert.equal(state.svg, '<svg');
    assert.equal(typeof state.data, 'object');
    assert.ok(!/undefined/.test(state.title), `${id}: title`);
    const link = b.page.url();
    assert.match(link, new RegExp(`\\?view=${id}&`));
    await openLab(b.page, link);
    assert.deepEqual(await b.page.evaluate(() => window.trainlab.handle.data()), state.data, `${id}: share link`);
    // embed mode works for every view and keeps a way back to the full lab
    await openLab(b.page, `${link}&embed=1`);
    assert.equal(await b.page.locator('.lab-nav').isVisible(), false);
    assert.equal(await b.page.locator('#embed-link a').isVisible(), true);
  }
  assert.deepEqual(b.errors, []);
});

test('navigation switches views without a reload and keeps the address in step', async () => {
  await openLab(b.page, srv.url);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  for (const id of ids) {
    await b.page.locator(`.lab-nav a[href="?view=${id}"]`).click();
    await b.page.waitForFunction((x) => window.trainlab.handle.viewId === x, id);
    assert.equal(new URL(b.page.url()).searchParams.get('view'), id);
    assert.equal(await b.page.locator('.lab-nav a[aria-current="page"]').getAttribute('href'), `?view=${id}`);
  }
  assert.deepEqual(b.errors, []);
});
