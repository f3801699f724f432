// The page as a student meets it, for every registered view, on a 1400 x 900 laptop and a
// 390 x 844 phone, in English and Korean: the figure is the hero (its share of the width), at
// most a dozen fields are visible at the defaults, nothing scrolls sideways, formulas are MathML,
// no two pieces of text of the page overlap, and on the phone the figure stays in view while a
// slider is dragged. A screenshot of each is kept in test-artifacts/screens/ to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, openLab, ROOT } from './harness.mjs';

const SCREENS = join(ROOT, 'test-artifacts', 'screens');
const SIZES = [{ name: 'laptop', width: 1400, height: 900, share: 0.6 }, { name: 'phone', width: 390, height: 844, share: 0.9 }];
/** At most this many fields are visible at a view's defaults. */
const MAX_FIELDS = 12;

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); mkdirSync(SCREENS, { recursive: true }); });
after(async () => { await b?.close(); await srv?.close(); });

/** Whether view `id`'s page words (the source, before the build typesets them) hold a formula. */
function hasFormula(id) {
  for (const f of [`${id}.js`, `${id}.ko.js`]) {
    const src = readFileSync(join(ROOT, 'www', 'text', f), 'utf8');
    if (/(?<![\\$])\$(?!\{)[^$\n]+?\$/.test(src)) return true;
  }
  return false;
}

/** Every pair of text boxes on the page that overlap (one box per line of each text node). */
function overlappingText() {
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('math, [hidden], .tl-alt, .skip, details:not([open]) > :not(summary), .lab-nav, option, select')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.height > 1) boxes.push({ r, text: node.textContent.trim().slice(0, 40), node });
    }
  }
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r;
      const c = boxes[j].r;
      const dx = Math.min(a.right, c.right) - Math.max(a.left, c.left);
      const dy = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
      if (dx > 2 && dy > 2 && boxes[i].node !== boxes[j].node) out.push(`${boxes[i].text} / ${boxes[j].text}`);
    }
  }
  return out;
}

test('every view: figure first, few fields, no sideways scroll, MathML, no overlapping text', async () => {
  await openLab(b.page, `${srv.url}?view=ewma`);
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  const problems = [];
  for (const size of SIZES) {
    await b.page.setViewportSize({ width: size.width, height: size.height });
    for (const lang of ['en', 'ko']) {
      for (const id of ids) {
        await openLab(b.page, `${srv.url}?view=${id}&lang=${lang}`);
        await b.page.waitForTimeout(150);
        const m = await b.page.evaluate(() => {
          const canvas = document.querySelector('.tl-canvas');
          const fields = [...document.querySelectorAll('.tl-field')].filter((f) => f.checkVisibility());
          return {
            share: canvas.getBoundingClientRect().width / window.innerWidth,
            fields: fields.length,
            sideways: document.documentElement.scrollWidth - window.innerWidth,
            math: document.querySelectorAll('#view-page math').length,
          };
        });
        const where = `${id} ${size.name} ${lang}`;
        if (m.share < size.share) problems.push(`${where}: the figure takes ${(100 * m.share).toFixed(0)}% of the width`);
        if (m.fields > MAX_FIELDS) problems.push(`${where}: ${m.fields} fields visible at the defaults`);
        if (m.sideways > 0) problems.push(`${where}: scrolls ${m.sideways} px sideways`);
        if (hasFormula(id) && m.math === 0) problems.push(`${where}: the words have a formula but the page shows no MathML`);
        for (const o of await b.page.evaluate(overlappingText)) problems.push(`${where}: text overlaps: ${o}`);
        await b.page.screenshot({ path: join(SCREENS, `${id}-${size.name}-${lang}.png`), fullPage: true });
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(b.errors, []);
});

test('on a phone the figure stays in view while a slider is dragged', async () => {
  await b.page.setViewportSize({ width: 390, height: 844 });
  await openLab(b.page, `${srv.url}?view=ewma`);
  const slider = b.page.locator('.tl-slider').first();
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await b.page.mouse.move(box.x + 4, box.y + box.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 6 });
  const during = await b.page.evaluate(() => {
    const r = document.querySelector('.tl-canvas').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  await b.page.mouse.up();
  assert.ok(during.top >= -1 && during.bottom <= during.height + 1, `figure at ${during.top}..${during.bottom} of ${during.height}`);
  // the drag changed the value the figure shows
  const beta = await b.page.evaluate(() => window.trainlab.handle.params().beta[0]);
  assert.notEqual(beta, 0.9);
  assert.deepEqual(b.errors, []);
});
