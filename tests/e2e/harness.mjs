// Shared end-to-end plumbing: serve dist/ on a free loopback port, drive Debian's Chromium with
// playwright-core (no browser download), and collect every console error and page error so a
// test can fail on them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = process.env.TRAINLAB_DIST ? resolve(process.env.TRAINLAB_DIST) : join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.bin': 'application/octet-stream',
};

/** Serves `dir` (GET only, no directory listing) and resolves to { url, close, requests }. */
export function serve(dir = DIST) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = resolve(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep) && file !== dir) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    ok({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((c) => server.close(c)) });
  }));
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** A fresh browser profile; returns { context, page, errors, close }. */
export async function browser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'trainlab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true,
    viewport: options.viewport ?? { width: 1200, height: 900 }, timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  const watch = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    context, page, errors,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Opens `url` and waits until the page has mounted a view. */
export async function openLab(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30_000 });
}

/** The page's current address, read from the page (page.url() can lag behind replaceState). */
export function address(page) {
  return page.evaluate(() => location.href);
}

/** Opens every folded group of controls (the page folds all but a view's main controls). */
export async function revealControls(page) {
  await page.evaluate(() => document.querySelectorAll('details.tl-group').forEach((d) => { d.open = true; }));
}

/** Opens the course menu (the navigation) from the header's button. */
export async function openMenu(page) {
  if (!(await page.locator('#lab-nav').isVisible())) await page.locator('#menu-button').click();
}
