// mdBook host: examples/book/ is a small book whose chapters follow the notes and embed views as
// <trainlab-view> (defined by the book's additional-js) and as embed=1 iframes. The test builds
// it with mdbook (scripts/setup-hosts.sh installs the pinned one) into dist/book/, next to the
// lab, and checks in Chromium that every view of every chapter drew.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, ROOT, DIST } from './harness.mjs';

const MDBOOK = [process.env.MDBOOK, join(homedir(), '.cargo/bin/mdbook')].find((p) => p && existsSync(p)) ?? 'mdbook';
let version = '';
try { version = execFileSync(MDBOOK, ['--version'], { encoding: 'utf8' }).trim(); } catch { /* not installed */ }
const skip = !version && !process.env.CI ? 'mdbook is not installed (scripts/setup-hosts.sh)' : false;
const BOOK = join(DIST, 'book');
const CHAPTERS = readFileSync(join(ROOT, 'examples/book/src/SUMMARY.md'), 'utf8')
  .match(/\]\(([^)]+)\.md\)/g).map((m) => m.slice(2, -4).replace(/^README$/, 'index'));

let srv;
let b;
before(async () => { if (skip) return; srv = await serve(); b = await browser({ viewport: { width: 1280, height: 900 } }); });
after(async () => { await b?.close(); await srv?.close(); });

/** Ink share of a canvas (pixels that are not near-white), computed in the page. */
const inkOfCanvas = (c) => {
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) n++;
  return n / (c.width * c.height);
};

test('mdbook builds the example book next to the lab', { skip }, () => {
  rmSync(BOOK, { recursive: true, force: true });
  const t0 = Date.now();
  execFileSync(MDBOOK, ['build', join(ROOT, 'examples/book')], { stdio: 'pipe' });
  console.log(`# ${version}: mdbook build took ${Date.now() - t0} ms`);
  for (const c of CHAPTERS) assert.ok(existsSync(join(BOOK, `${c}.html`)), `${c}.html built`);
  // mdBook 0.5 names the additional-js file by its hash and adds it to every chapter
  const script = readdirSync(BOOK).find((f) => /^trainlab-element(-[0-9a-f]+)?\.js$/.test(f));
  assert.ok(script, 'additional-js copied to the book root');
  const html = readFileSync(join(BOOK, 'ewma.html'), 'utf8');
  assert.ok(html.includes(`<script src="${script}"></script>`), 'and loaded by the chapter');
  // the chapters pass the views through as HTML blocks (not wrapped in a paragraph)
  assert.match(html, /\n<trainlab-view id="ewma-element" view="ewma" beta="0.98,0.9"/);
});

test('every view in every chapter of the built book drew', { skip }, async () => {
  let views = 0;
  for (const chapter of CHAPTERS) {
    await b.page.goto(`${srv.url}book/${chapter}.html`);
    const ids = await b.page.evaluate(() => [...document.querySelectorAll('main trainlab-view, main iframe')].map((e) => e.id));
    for (const id of ids) {
      const tag = await b.page.evaluate((i) => document.getElementById(i).tagName.toLowerCase(), id);
      await b.page.locator(`#${id}`).scrollIntoViewIfNeeded();
      let ink;
      if (tag === 'iframe') {
        const frame = b.page.frameLocator(`#${id}`);
        await frame.locator('html[data-ready]').waitFor({ timeout: 60_000 });
        ink = await frame.locator('canvas.tl-canvas').first().evaluate(inkOfCanvas);
      } else {
        await b.page.waitForFunction((i) => document.getElementById(i).handle, id, { timeout: 30_000 });
        const canvas = await b.page.evaluateHandle((i) => document.getElementById(i).handle.element.querySelector('canvas'), id);
        ink = await canvas.evaluate(inkOfCanvas);
        await canvas.dispose();
      }
      assert.ok(ink > 0.005, `${chapter}: ${id} drew (ink ${ink})`);
      views++;
    }
  }
  assert.ok(views >= 10, `${views} views in the book`);
  assert.deepEqual(b.errors, []);
});
