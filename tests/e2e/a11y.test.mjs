// Accessibility: axe-core (npm) against every registered view in both languages, zero serious or
// critical violations; the layout fits a 360 px phone without horizontal scrolling; every control
// is reachable by keyboard with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, openLab, ROOT, address } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

async function axe(page) {
  // evaluated through the DevTools protocol, so the page's CSP does not apply to injecting it
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core: no serious or critical violation on any view, in English and Korean, full and embedded', async () => {
  await openLab(b.page, srv.url);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  const found = [];
  for (const id of ids) {
    for (const extra of ['&lang=en', '&lang=ko', '&embed=1']) {
      await openLab(b.page, `${srv.url}?view=${id}${extra}`);
      for (const v of await axe(b.page)) found.push(`${id}${extra}: ${v}`);
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(b.errors, []);
});

test('a 360 px phone: no horizontal scrolling, the figure fits', async () => {
  await b.page.setViewportSize({ width: 360, height: 740 });
  await openLab(b.page, srv.url);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  for (const id of ids) {
    await openLab(b.page, `${srv.url}?view=${id}`);
    const m = await b.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
      canvas: document.querySelector('.tl-canvas').getBoundingClientRect().right,
    }));
    assert.ok(m.scroll <= m.width + 1, `${id}: page ${m.scroll} px wide in a ${m.width} px window`);
    assert.ok(m.canvas <= m.width + 1, `${id}: figure overflows (${m.canvas})`);
  }
  await b.page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(b.errors, []);
});

test('keyboard: Tab reaches every control of every view, each with a visible focus outline', async () => {
  await openLab(b.page, `${srv.url}?view=ewma`);
  // a checkbox toggles with the space bar and the URL follows
  const box = b.page.getByLabel('Bias correction', { exact: true });
  await box.focus();
  await box.press('Space');
  await b.page.waitForFunction(() => /bias_correction=1/.test(location.search), null, { timeout: 5000 }).catch(() => {});
  assert.match(new URL(await address(b.page)).search, /bias_correction=1/);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  for (const id of ids) {
    await openLab(b.page, `${srv.url}?view=${id}`);
    // controls a view shows (views may hide fields that the current settings do not use)
    const controls = await b.page.evaluate(() => [...document.querySelectorAll('.tl-controls input, .tl-controls button, .tl-controls select')].filter((e) => e.checkVisibility()).length);
    const seen = new Set();
    for (let i = 0; i < 4 * controls + 40 && seen.size < controls; i++) {
      await b.page.keyboard.press('Tab');
      const info = await b.page.evaluate(() => {
        const e = document.activeElement;
        if (!e || !e.closest('.tl-controls')) return null;
        const style = getComputedStyle(e);
        return { key: [...e.closest('.tl-controls').querySelectorAll('input, button, select')].indexOf(e), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      if (info) {
        assert.ok(info.outline !== 'none' && info.width >= 2, `control ${info.key} has no visible focus`);
        seen.add(info.key);
      }
    }
    assert.equal(seen.size, controls, `${id}: every control reachable by Tab`);
  }
  assert.deepEqual(b.errors, []);
});
