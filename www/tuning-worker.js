// A Web Worker of view=tuning: loads its own wasm instance and trains the trials the page sends
// it (src/web/tuning.rs, TuningWorker.run). Messages in: { config, job } (JSON text each, as the
// page's command('claim') returned them). Messages out: { ready: true } once loaded, then per
// job { partial } after every epoch but the last (JSON text for command('partial'), the live
// curves), and { result } (JSON text for command('result')) or { error }.
import initWasm, { TuningWorker } from '../pkg/engine/trainlab_wasm.js';

let worker = null;

// the engine module and the digits it trains on, fetched by the worker itself
Promise.all([
  initWasm(),
  fetch(new URL('./data/digits.bin', import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`digits.bin: HTTP ${r.status}`);
    return r.arrayBuffer();
  }),
]).then(([, digits]) => {
  worker = new TuningWorker(new Uint8Array(digits));
  postMessage({ ready: true });
}).catch((e) => postMessage({ error: String(e?.message ?? e), fatal: true }));

onmessage = ({ data }) => {
  if (!worker) {
    postMessage({ error: 'not ready', fatal: true });
    return;
  }
  try {
    const t0 = performance.now();
    const result = worker.run(data.config, data.job, (partial) => postMessage({ partial }));
    postMessage({ result, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ error: String(e?.message ?? e) });
  }
};
