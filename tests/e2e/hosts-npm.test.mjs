// npm package layout: `npm pack` in the lab's folder (after scripts/build.sh) gives a tarball that a
// fresh folder installs (`npm install ./trainlab-*.tgz`, nothing fetched: the package has no
// dependencies) and uses from a plain page (examples/npm/): the module through package.json's
// "exports" and the custom element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, ROOT } from './harness.mjs';

const site = mkdtempSync(join(tmpdir(), 'trainlab-npm-'));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
let tarball;
let srv;
let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); rmSync(site, { recursive: true, force: true }); });

test('npm pack gives a tarball with the built module, the wasm and the styles, and nothing else', () => {
  const t0 = Date.now();
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', site], ROOT));
  console.log(`# npm pack: ${info.filename}, ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KB, ${Date.now() - t0} ms`);
  tarball = join(site, info.filename);
  assert.match(info.filename, /^trainlab-\d+\.\d+\.\d+\.tgz$/);
  const files = info.files.map((f) => f.path);
  for (const need of ['package.json', 'dist/www/trainlab.js', 'dist/www/style.css', 'dist/index.html']) {
    assert.ok(files.includes(need), `${need} in the tarball`);
  }
  assert.ok(files.some((f) => /^dist\/pkg\/.+\.wasm$/.test(f)), 'the wasm in the tarball');
  const stray = files.filter((f) => !/^(dist\/(www|pkg)\/|dist\/index\.html$|package\.json$|README\.md$|LICENSE)/.test(f));
  assert.deepEqual(stray, [], 'only the built lab is shipped');
});

test('a fresh folder installs the tarball and resolves the package exports', () => {
  assert.ok(tarball, 'packed by the test above');
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'lecture-site', private: true, type: 'module' }));
  const t0 = Date.now();
  npm(['install', '--offline', `./${tarball.split('/').pop()}`], site);
  console.log(`# npm install of the tarball: ${Date.now() - t0} ms`);
  assert.ok(existsSync(join(site, 'node_modules/trainlab/dist/pkg')));
  const resolve = (spec) => execFileSync(process.execPath, ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(spec)}))`], { cwd: site, encoding: 'utf8' }).trim();
  assert.match(resolve('trainlab'), /node_modules\/trainlab\/dist\/www\/trainlab\.js$/);
  assert.match(resolve('trainlab/element'), /node_modules\/trainlab\/dist\/www\/trainlab\.js$/);
  assert.match(resolve('trainlab/style.css'), /node_modules\/trainlab\/dist\/www\/style\.css$/);
  for (const f of readdirSync(join(ROOT, 'examples/npm'))) copyFileSync(join(ROOT, 'examples/npm', f), join(site, f));
});

test('a plain page served from that folder mounts a view with the API and as a custom element', async () => {
  assert.ok(existsSync(join(site, 'node_modules/trainlab')), 'installed by the test above');
  srv = await serve(site);
  await b.page.goto(`${srv.url}index.html`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready === 'npm', null, { timeout: 30_000 });
  await b.page.waitForFunction(() => document.getElementById('element').handle);
  const ink = await b.page.evaluate(() => [window.api, document.getElementById('element').handle].map((h) => {
    const c = h.element.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) n++;
    return n / (c.width * c.height);
  }));
  for (const x of ink) assert.ok(x > 0.005, `ink ${x}`);
  assert.deepEqual(await b.page.evaluate(() => window.api.params().beta), [0.98]);
  assert.deepEqual(await b.page.evaluate(() => document.getElementById('element').handle.params().beta), [0.9]);
  // everything the page fetched came from the installed package (or the page itself)
  const outside = srv.requests.filter((p) => !p.startsWith('/node_modules/trainlab/') && !['/index.html', '/page.js'].includes(p));
  assert.deepEqual(outside, []);
  assert.deepEqual(b.errors, []);
});
