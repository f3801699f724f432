// The Web Worker of the run protocol (issue 14; www/workers.js starts one per core): it loads the
// wasm module of the view whose runs it computes, and the digits if the view trains on them,
// then computes each run the page posts (src/web/runs.rs, RunWorker.run: any run of any view of
// that module, from its (view, params, seed, index) alone).
// Messages in: first { init: { module, digits } }, then { run } (JSON text, as the view's
// command('claim') gave it). Messages out: { ready: true } once loaded; per run { partial } (the
// report so far, JSON text for command('partial')) now and then, and { result, ms } (JSON text
// for command('result')) or { error }. A load failure is { error, fatal: true }.
let runner = null;

async function load({ module, digits }) {
  // the module name comes from the page's own catalogue: a plain word
  if (!/^[a-z]+$/.test(module)) throw new Error(`bad module name ${module}`);
  const glue = await import(new URL(`../pkg/${module}/trainlab_wasm.js`, import.meta.url).href);
  await glue.default();
  if (digits) {
    const response = await fetch(new URL('./data/digits.bin', import.meta.url));
    if (!response.ok) throw new Error(`digits.bin: HTTP ${response.status}`);
    glue.provideDigits(new Uint8Array(await response.arrayBuffer()));
  }
  runner = new glue.RunWorker();
}

onmessage = ({ data }) => {
  if (data.init) {
    load(data.init).then(
      () => postMessage({ ready: true }),
      (e) => postMessage({ error: String(e?.message ?? e), fatal: true }),
    );
    return;
  }
  if (!runner) {
    postMessage({ error: 'not ready', fatal: true });
    return;
  }
  try {
    const t0 = performance.now();
    const result = runner.run(data.run, (partial) => postMessage({ partial }));
    postMessage({ result, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ error: String(e?.message ?? e) });
  }
};
