// Walks every view in the wasm catalogue (the one registry): each has its text, mounts from its
// URL with no console error, shows a figure with ink on it, and round-trips its share link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openLab, address, openMenu } from './harness.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

test('every registered view and parameter has its text in every language', async () => {
  await openLab(b.page, srv.url);
  const missing = await b.page.evaluate(async () => {
    const { LANGS, loadViewTexts } = await import('./www/text.js');
    // the page loads a view's words when it shows the view: here, every view's, in both languages
    await loadViewTexts(window.trainlab.catalog.views.map((v) => v.id));
    const out = [];
    for (const [lang, table] of Object.entries(LANGS)) {
      for (const v of window.trainlab.catalog.views) {
        const t = table.views[v.id];
        if (!t) { out.push(`${lang}: ${v.id}: no text`); continue; }
        for (const key of ['title', 'nav', 'lead']) if (!t[key]) out.push(`${lang}: ${v.id}.${key}`);
        // what to notice: the notes, or the "try this" steps
        if (!(t.notice ?? t.steps ?? []).length) out.push(`${lang}: ${v.id}.notice`);
        for (const p of v.params) if (!t.params?.[p.name]?.label) out.push(`${lang}: ${v.id}.params.${p.name}.label`);
      }
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
    // A view with long work is compared once its work is done (its data grows while it runs).
    const settled = () => b.page.evaluate(() => window.trainlab.handle.finished());
    await settled();
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
    const link = await address(b.page);
    assert.match(link, new RegExp(`\\?view=${id}&`));
    await openLab(b.page, link);
    await settled();
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
    await openMenu(b.page);
    await b.page.locator(`.lab-nav a[href="?view=${id}"]`).click();
    await b.page.waitForFunction((x) => window.trainlab.handle?.viewId === x, id);
    assert.equal(new URL(await address(b.page)).searchParams.get('view'), id);
    assert.equal(await b.page.locator('.lab-nav a[aria-current="page"]').getAttribute('href'), `?view=${id}`);
  }
  assert.deepEqual(b.errors, []);
});

test('lang=ko shows the page, the controls, the notices and the figure in Korean', async () => {
  await openLab(b.page, `${srv.url}?view=ewma&lang=ko&bogus=1`);
  assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'ko');
  assert.match(await b.page.locator('#view-title').innerText(), /지수가중평균/);
  assert.match(await b.page.locator('.tl-notices').innerText(), /bogus.*무시/);
  assert.match(await b.page.locator('[data-param="bias_correction"] label').innerText(), /편향 보정/);
  assert.match(await b.page.evaluate(() => window.trainlab.handle.svg()), /기온/);
  assert.match(await b.page.locator('canvas').getAttribute('aria-label'), /지수가중평균/);
  // the switch goes back to English and keeps every parameter
  const before = await b.page.evaluate(() => window.trainlab.handle.query());
  await b.page.getByRole('button', { name: 'English' }).click();
  assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(new URL(await address(b.page)).searchParams.get('lang'), 'en');
  assert.equal(await b.page.evaluate(() => window.trainlab.handle.query()), before);
  await openLab(b.page, `${srv.url}?view=ewma&lang=xx`);
  assert.match(await b.page.locator('.tl-notices').innerText(), /lang/);
  assert.deepEqual(b.errors, []);
});
