// The single-file build (dist/trainlab.html) opened from file://: no server, no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { browser, DIST, openMenu } from './harness.mjs';

let b;
before(async () => { b = await browser(); });
after(async () => { await b?.close(); });

test('dist/trainlab.html works from file:// with every view, no request beyond the file', async () => {
  const page = pathToFileURL(join(DIST, 'trainlab.html')).href;
  const requests = [];
  b.page.on('request', (r) => requests.push(r.url()));
  await b.page.goto(`${page}?view=ewma&beta=0.98&bias_correction=1`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30_000 });
  const data = await b.page.evaluate(() => window.trainlab.handle.data());
  assert.deepEqual(data.lines.map((l) => l.beta), [0.98]);
  assert.equal(data.bias_correction, true);
  // every registered view mounts here too
  const ids = await b.page.evaluate(() => window.trainlab.catalog.views.map((v) => v.id));
  for (const id of ids) {
    await openMenu(b.page);
    await b.page.locator(`.lab-nav a[href="?view=${id}"]`).click();
    await b.page.waitForFunction((x) => window.trainlab.handle?.viewId === x, id);
    assert.equal(await b.page.evaluate(() => window.trainlab.handle.svg().slice(0, 4)), '<svg');
  }
  const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(b.errors, []);
});
