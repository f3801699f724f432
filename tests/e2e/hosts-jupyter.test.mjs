// Jupyter host: examples/jupyter/trainlab_widget.js follows anywidget's front-end contract
// (`export default { render({ model, el }) }`, parameters as the model's traits) over
// www/trainlab.js, and examples/jupyter/trainlab_widget.py wraps it as TrainlabView.
// 1. The contract in the browser, with a model object implementing anywidget's interface
//    (get, set, save_changes, on/off('change:x')): fast, and independent of any Python.
// 2. For real: JupyterLab (pip, in the virtualenv of scripts/setup-hosts.sh) served on loopback
//    with dist/ as its root, examples/jupyter/demo.ipynb opened in Chromium, its cells run, the
//    widget's figure found, a trait set from Python redraws it and a change in the figure reaches
//    Python.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, DIST } from './harness.mjs';

const VENV = process.env.TRAINLAB_VENV || join(homedir(), '.cache/trainlab/venv-hosts');
const LAB = join(VENV, 'bin/jupyter-lab');
const skipLab = !existsSync(LAB) && !process.env.CI ? 'JupyterLab is not installed (scripts/setup-hosts.sh)' : false;

let srv;
let b;
before(async () => { srv = await serve(); b = await browser({ viewport: { width: 1400, height: 1000 } }); });
after(async () => { await b?.close(); await srv?.close(); });

/** Ink share (pixels that are not near-white) of a canvas; runs in the page. */
function inkOfCanvas(c) {
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) n++;
  return n / (c.width * c.height);
}

/** Ink of the canvas of the widget's view on `page`. */
async function widgetInk(page) {
  const canvas = await page.evaluateHandle(() => document.querySelector('[data-trainlab-widget]').trainlabHandle.element.querySelector('canvas'));
  try { return await canvas.evaluate(inkOfCanvas); } finally { await canvas.dispose(); }
}

test('anywidget contract: render({ model, el }) mounts the view, traits follow both ways, cleanup unmounts', async () => {
  await b.page.goto(`${srv.url}examples/jupyter/index.html`);   // a page of the lab's origin
  const r = await b.page.evaluate(async () => {
    // anywidget's model interface, as its front end gives it to render(): Backbone-like
    function model(state) {
      const on = {};
      const saved = [];
      return {
        get: (k) => state[k],
        set(k, v) {
          const was = JSON.stringify(state[k]);
          state[k] = v;
          if (was !== JSON.stringify(v)) for (const f of on[`change:${k}`] ?? []) f();
        },
        save_changes() { saved.push(JSON.parse(JSON.stringify(state))); },
        on(ev, f) { (on[ev] ??= []).push(f); },
        off(ev, f) { on[ev] = (on[ev] ?? []).filter((g) => g !== f); },
        send() {},
        saved, listeners: on,
      };
    }
    const options = { lang: '', hide: [], controls: true, exports: true, src: '', query: '' };
    const widget = (await import('/examples/jupyter/trainlab_widget.js')).default;
    const m = model({ view: 'ewma', _params: { beta: 'beta' }, beta: 0.98, ...options });
    const el = document.createElement('div');
    document.body.append(el);
    const cleanup = await widget.render({ model: m, el });
    const h = el.trainlabHandle;
    const c = h.element.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) ink++;
    const out = { mounted: h.params().beta, ink: ink / (c.width * c.height), query: m.get('query') };
    m.set('beta', 0.5);   // the notebook set w.beta = 0.5
    out.fromPython = h.params().beta;
    const saves = m.saved.length;
    h.set({ beta: [0.7] });   // the reader changed the figure
    out.toPython = { beta: m.get('beta'), query: m.get('query'), saved: m.saved.length > saves };
    // a parameter named like a widget trait of ipywidgets (optimizers' layout) comes as layout_
    const m2 = model({ view: 'optimizers', _params: { layout: 'layout_' }, layout_: 'multiples', ...options });
    const el2 = document.createElement('div');
    document.body.append(el2);
    const cleanup2 = await widget.render({ model: m2, el: el2 });
    out.layout = el2.trainlabHandle.params().layout;
    cleanup();
    cleanup2();
    out.after = { canvases: el.querySelectorAll('canvas').length + el2.querySelectorAll('canvas').length, listeners: (m.listeners['change:beta'] ?? []).length };
    return out;
  });
  assert.deepEqual(r.mounted, [0.98]);
  assert.ok(r.ink > 0.005, `ink ${r.ink}`);
  assert.match(r.query, /beta=0\.98/);
  assert.deepEqual(r.fromPython, [0.5]);
  assert.equal(r.toPython.beta, 0.7, 'written back as the scalar the notebook gave');
  assert.match(r.toPython.query, /beta=0\.7/);
  assert.ok(r.toPython.saved, 'save_changes() sent it to the kernel');
  assert.equal(r.layout, 'multiples');
  assert.deepEqual(r.after, { canvases: 0, listeners: 0 });
  assert.deepEqual(b.errors, []);
});

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

test('JupyterLab: TrainlabView(view="ewma", beta=0.98) displays, follows w.beta, and reports its state to Python', { skip: skipLab, timeout: 240_000 }, async () => {
  const t0 = Date.now();
  const port = await freePort();
  // token authentication, as JupyterLab runs by default (its /files/ checks then hold as they do for a teacher)
  const token = randomBytes(12).toString('hex');
  const home = mkdtempSync(join(tmpdir(), 'trainlab-jupyter-'));
  const env = {
    ...process.env, JUPYTER_CONFIG_DIR: join(home, 'config'), JUPYTER_DATA_DIR: join(home, 'data'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'), IPYTHONDIR: join(home, 'ipython'), JUPYTERLAB_SETTINGS_DIR: join(home, 'settings'),
    JUPYTERLAB_WORKSPACES_DIR: join(home, 'workspaces'), PYTHONDONTWRITEBYTECODE: '1',
  };
  delete env.TRAINLAB_URL;
  const server = spawn(LAB, [
    '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--ServerApp.root_dir=${DIST}`,
    `--IdentityProvider.token=${token}`, '--LabApp.expose_app_in_browser=True',
    '--LabApp.news_url=None', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
    '--LabApp.extension_manager=readonly',
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}/`;
  try {
    for (let i = 0; ; i++) {
      try { if ((await fetch(`${base}api/status?token=${token}`)).ok) break; } catch { /* not up yet */ }
      assert.ok(i < 120 && server.exitCode === null, `JupyterLab did not start:\n${log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(`# JupyterLab up in ${Date.now() - t0} ms`);
    const page = await b.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}lab/tree/examples/jupyter/demo.ipynb?token=${token}`);
    await page.waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle', null, { timeout: 90_000 });
    const run = (cell) => page.evaluate(async (i) => {
      const panel = window.jupyterapp.shell.currentWidget;
      panel.content.activeCellIndex = i;
      await window.jupyterapp.commands.execute('notebook:run-cell');
    }, cell);
    await run(1);
    await page.waitForFunction(() => document.querySelector('[data-trainlab-widget]')?.trainlabHandle, null, { timeout: 60_000 });
    console.log(`# widget drawn ${Date.now() - t0} ms after the server started`);
    assert.deepEqual(await page.evaluate(() => document.querySelector('[data-trainlab-widget]').trainlabHandle.params().beta), [0.98]);
    const ink = await widgetInk(page);
    assert.ok(ink > 0.005, `the widget's figure has ink (${ink})`);
    await run(2);   // w.beta = 0.5
    await page.waitForFunction(() => document.querySelector('[data-trainlab-widget]').trainlabHandle.params().beta[0] === 0.5, null, { timeout: 30_000 });
    await page.evaluate(() => document.querySelector('[data-trainlab-widget]').trainlabHandle.set({ beta: [0.7] }));
    await page.waitForTimeout(500);
    await run(3);   // print(w.query)
    await page.waitForFunction(() => /beta=0\.7/.test(document.querySelectorAll('.jp-Cell')[3]?.querySelector('.jp-OutputArea-output')?.textContent ?? ''), null, { timeout: 30_000 });
    const ours = errors.filter((e) => /trainlab|wasm|anywidget|_esm/i.test(e));
    assert.deepEqual(ours, [], `errors: ${errors.join('\n')}`);
    await page.close();
    console.log(`# JupyterLab test ${Date.now() - t0} ms in all`);
  } finally {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    await new Promise((r) => { if (server.exitCode !== null) r(); else { server.on('exit', r); setTimeout(r, 10_000); } });
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(home, { recursive: true, force: true });
  }
});
