// Quarto host: examples/quarto/index.qmd embeds a view in an {=html} block (custom element and
// iframe). `quarto render` of the copy in dist/examples/quarto/, then Chromium checks both drew.
// Quarto's CLI cannot be had from the registries this project installs from (PyPI's quarto-cli
// is a source package whose build downloads the binary from elsewhere; Debian has none), so
// scripts/setup-hosts.sh does not install it and this test runs only where `quarto` is on PATH.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, DIST } from './harness.mjs';

let version = '';
try { version = execFileSync(process.env.QUARTO || 'quarto', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* not installed */ }
const skip = version ? false : 'quarto is not on PATH (not available from the registries; see the header)';
const PAGE = join(DIST, 'examples/quarto/index.qmd');

let srv;
let b;
before(async () => { if (skip) return; srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

test('quarto renders the page and both views on it draw', { skip, timeout: 180_000 }, async () => {
  const t0 = Date.now();
  execFileSync(process.env.QUARTO || 'quarto', ['render', PAGE], { stdio: 'pipe' });
  console.log(`# quarto ${version}: render took ${Date.now() - t0} ms`);
  assert.ok(existsSync(join(DIST, 'examples/quarto/index.html')));
  await b.page.goto(`${srv.url}examples/quarto/index.html`);
  await b.page.waitForFunction(() => document.getElementById('ewma-element')?.handle, null, { timeout: 30_000 });
  const inkOfCanvas = (c) => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) n++;
    return n / (c.width * c.height);
  };
  const canvas = await b.page.evaluateHandle(() => document.getElementById('ewma-element').handle.element.querySelector('canvas'));
  const ink = await canvas.evaluate(inkOfCanvas);
  assert.ok(ink > 0.005, `element ink ${ink}`);
  const frame = b.page.frameLocator('#ewma-frame');
  await frame.locator('html[data-ready]').waitFor({ timeout: 30_000 });
  assert.ok(await frame.locator('canvas.tl-canvas').first().evaluate(inkOfCanvas) > 0.005);
  assert.deepEqual(b.errors, []);
});
