// Page weight, measured in the browser: every response a page fetched (the document, its modules,
// the catalogue, the wasm, the words, the digits, the pictures), each body gzipped at level 9 as a
// static host serves it, summed. tests/e2e/weight.test.mjs asserts the targets of issue 13 with it,
// `make size` prints the same sums (scripts/size.sh), and `make bench` times the embedded EWMA view
// under a throttled network with firstFigure() (bench/page.mjs).
//   node scripts/weight.mjs            the table of every page and its target
//   node scripts/weight.mjs --files    also every file of every page
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, browser, DIST } from '../tests/e2e/harness.mjs';

/** The pages of issue 13 and their budgets in KB (1 KB = 1024 bytes), gzipped. `path` null: the
 * view the course map marks "start here" (read from the map itself). */
export const PAGES = [
  { name: 'embedded EWMA', path: '?view=ewma&embed=1', budget: 150 },
  { name: 'course map (/)', path: '', budget: 250 },
  { name: 'first view (start here)', path: null, budget: 250 },
  { name: 'train with the digits', path: '?view=train&dataset=digits', budget: 400 },
];

const gz = (body) => gzipSync(body, { level: 9 }).length;
export const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Waits until the page has had no request in flight for `quietMs`. */
function quiet(page, quietMs = 600) {
  let inFlight = 0;
  let last = Date.now();
  const up = () => { inFlight++; last = Date.now(); };
  const down = () => { inFlight = Math.max(0, inFlight - 1); last = Date.now(); };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  return {
    wait: async (timeoutMs = 30_000) => {
      const t0 = Date.now();
      while (inFlight > 0 || Date.now() - last < quietMs) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`page weight: requests still in flight after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => { page.off('request', up); page.off('requestfinished', down); page.off('requestfailed', down); },
  };
}

/**
 * Opens `url` in `page` (a fresh document, HTTP cache off), waits for the lab to be ready and the
 * network to go quiet, and returns { files: [{ url, raw, gzip }], raw, gzip } of every response.
 */
export async function measure(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = [];
  const onResponse = (r) => responses.push(r);
  page.on('response', onResponse);
  const net = quiet(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 60_000 });
    await net.wait();
  } finally {
    page.off('response', onResponse);
    net.stop();
    await cdp.detach();
  }
  const files = [];
  for (const r of responses) {
    if (r.status() !== 200) continue;
    const body = await r.body();
    files.push({ url: r.url(), raw: body.length, gzip: gz(body) });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (k) => files.reduce((t, f) => t + f[k], 0);
  return { url, files, raw: sum('raw'), gzip: sum('gzip') };
}

/** The address of the view the course map at `root` marks "start here". */
export async function startHere(page, root) {
  await page.goto(root);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'map');
  const href = await page.locator('.lab-start').first().getAttribute('href');
  return new URL(href, root).search;
}

/** Measures every page of [`PAGES`] on a served dist/ (`root` its URL); one row per page. */
export async function measureAll(page, root) {
  const rows = [];
  for (const p of PAGES) {
    const path = p.path ?? await startHere(page, root);
    rows.push({ ...p, path, ...(await measure(page, root + path)) });
  }
  return rows;
}

/** The per-file table of one measured page. */
export function fileTable(row, root) {
  return row.files.map((f) => `  ${f.url.replace(root, '/').padEnd(48)} ${String(f.raw).padStart(9)} ${String(f.gzip).padStart(9)}`).join('\n');
}

/** The summary table: one line per page, its gzipped sum and its budget. */
export function summary(rows) {
  const head = `${'page'.padEnd(26)} ${'address'.padEnd(30)} ${'files'.padStart(5)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  budget`;
  return [head, ...rows.map((r) => `${r.name.padEnd(26)} ${(`/${r.path}`).padEnd(30)} ${String(r.files.length).padStart(5)} ${kb(r.raw).padStart(8)} ${kb(r.gzip).padStart(8)}  < ${r.budget} KB ${r.gzip < r.budget * 1024 ? 'ok' : `MISSED by ${kb(r.gzip - r.budget * 1024)} KB`}`)].join('\n');
}

// ---- time to the first figure under a throttled network ----------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.bin': 'application/octet-stream',
};

/** Serves `dir` as a static host does: every body gzipped (level 9, computed once per file) with
 * `content-encoding: gzip`, so a throttled network carries the compressed bytes. */
export function serveGzip(dir = DIST) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = resolve(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (!cache.has(file)) cache.set(file, gzipSync(await readFile(file), { level: 9 }));
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store',
      });
      res.end(cache.get(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((c) => server.close(c)) });
  }));
}

/** Chromium's network emulation for the timing: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT. */
export const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/**
 * Milliseconds from navigation to the first figure drawn on the canvas (the first entry of the
 * mounted handle's draw statistics, seen at the next animation frame) for `url`, under
 * [`THROTTLE`], cache off. Returns { ms, bytes } (bytes: encoded bytes received).
 */
export async function firstFigure(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  try {
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await page.evaluate(() => new Promise((done) => {
      const tick = () => {
        if (window.trainlab?.handle?.stats?.drawMs.length) done(performance.now());
        else requestAnimationFrame(tick);
      };
      tick();
    }));
    return { ms, bytes };
  } finally {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  }
}

// ---- command line (make size) ------------------------------------------------------------------
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srv = await serve();
  const b = await browser();
  try {
    const rows = await measureAll(b.page, srv.url);
    if (process.argv.includes('--files')) {
      for (const r of rows) console.log(`${r.name} (/${r.path}): ${r.files.length} files, ${kb(r.gzip)} KB gzipped\n${fileTable(r, srv.url)}`);
    }
    console.log(summary(rows));
  } finally {
    await b.close();
    await srv.close();
  }
}
