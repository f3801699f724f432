// Benchmarks of the experiments that hand their independent runs to the shared run pool
// (www/workers.js, issue 14): time to finished in the page (workers=0), with 1 Web Worker and
// with 2, the speed-up of 2 workers over 1 (the issue asks for >= 1.7 x on this 2-core
// machine), the longest main-thread task while the runs go on (on a quiet machine, then with two
// busy-looping processes beside the browser: "loaded"), and the time from a click on cancel to
// the next painted frame with every worker stopped.
//
// Each timed finish follows an untimed short one with the same pool (wasm compiled, workers
// warm), and the modes alternate round by round so a build starting on the shared machine does
// not land on one mode only. The main thread's longest task is read two ways: PerformanceObserver
// 'longtask' entries (tasks over 50 ms) and the worst lateness of a 10 ms interval probe (which
// sees shorter tasks too).
import { spawn } from 'node:child_process';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

/** Two busy-looping processes (one per core) until stop() is called: the "loaded" machine. */
function loadMachine() {
  const procs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return { stop: () => procs.forEach((p) => p.kill('SIGKILL')) };
}

/**
 * One timed finish in the page: sets `warm` (untimed), then `timed`, and returns
 * { ms, longTask, lateness, busy } (busy: the workers' share of the wall time computing).
 */
async function timedFinish(page, warm, timed) {
  return page.evaluate(async ({ warm, timed }) => {
    const h = window.trainlab.handle;
    const root = document.querySelector('.tl-view');
    h.set(warm);
    await h.finished();
    const tasks = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
    obs.observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    let lateness = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      lateness = Math.max(lateness, now - last - 10);
      last = now;
    }, 10);
    const ms0 = root.runPool?.().ms ?? 0;
    const t0 = performance.now();
    h.set(timed);
    await h.finished();
    const ms = performance.now() - t0;
    clearInterval(probe);
    obs.disconnect();
    const pool = root.runPool?.() ?? { ms: 0, workers: 0 };
    return { ms, longTask: Math.max(0, ...tasks), lateness, busy: pool.workers ? (pool.ms - ms0) / (pool.workers * ms) : 0 };
  }, { warm, timed });
}

/**
 * Clicks the progress bar's cancel while the runs of `timed` go on (5 times) and returns the
 * median time from the click to the next painted frame, and whether anything moved afterwards.
 */
async function cancelTimes(page, timed) {
  return page.evaluate(async (timed) => {
    const h = window.trainlab.handle;
    const root = document.querySelector('.tl-view');
    const times = [];
    let moved = 0;
    let alive = 0;
    for (let i = 0; i < 5; i++) {
      h.set({ ...timed, seed: 900 + i });
      // wait until the runs are under way
      for (let k = 0; k < 400 && !((h.work().progress?.done ?? 0) > 0); k++) await new Promise((r) => setTimeout(r, 25));
      const button = root.querySelector('.tl-progress button');
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      times.push(performance.now() - t0);
      alive = Math.max(alive, root.runPool?.().workers ?? 0);
      const at = h.work().progress?.done ?? 0;
      await new Promise((r) => setTimeout(r, 300));
      moved = Math.max(moved, (h.work().progress?.done ?? 0) - at);
      h.resume();
    }
    const s = [...times].sort((a, b) => a - b);
    return { times, median: s[2], max: s[4], moved, alive };
  }, timed);
}

/**
 * A bench of a view's multi-run experiment. spec: { name, url (the view and its settings),
 * warm (params of the untimed short run), timed (params of the timed run, without workers and
 * seed), what (the note's description), rounds }. Prints its rows through `row`.
 */
export function poolBench(spec, row) {
  return {
    name: spec.name,
    url: spec.url,
    async run(page) {
      const modes = [0, 1, 2];
      const out = Object.fromEntries(modes.map((w) => [w, { samples: [], longTask: 0, lateness: 0, busy: [] }]));
      let seed = 10;
      for (let round = 0; round < spec.rounds; round++) {
        for (const workers of modes) {
          const r = await timedFinish(page, { ...spec.warm, workers, seed: seed++ }, { ...spec.timed, workers, seed: seed++ });
          const o = out[workers];
          o.samples.push(r.ms);
          o.longTask = Math.max(o.longTask, r.longTask);
          o.lateness = Math.max(o.lateness, r.lateness);
          o.busy.push(r.busy);
        }
      }
      // the same with the machine loaded: 2 workers (the default on 2 cores) and the page
      const load = loadMachine();
      const loaded = {};
      try {
        for (const workers of [2, 0]) loaded[workers] = await timedFinish(page, { ...spec.warm, workers, seed: seed++ }, { ...spec.timed, workers, seed: seed++ });
      } finally {
        load.stop();
      }
      const cancel = { 2: await cancelTimes(page, { ...spec.timed, workers: 2 }), 0: await cancelTimes(page, { ...spec.timed, workers: 0 }) };
      const tasks = (o) => `longest task ${o.longTask.toFixed(0)} ms, probe ${o.lateness.toFixed(0)} ms`;
      const speedup = median(out[1].samples) / median(out[2].samples);
      row(`${spec.name}-page`, 'trainlab-wasm', out[0].samples, `(${spec.what}, in the page; quiet: ${tasks(out[0])}; loaded: ${tasks({ longTask: loaded[0].longTask, lateness: loaded[0].lateness })}, ${(loaded[0].ms / 1000).toFixed(1)} s)`);
      row(`${spec.name}-1-worker`, 'trainlab-wasm', out[1].samples, `(${spec.what}; worker busy ${(100 * median(out[1].busy)).toFixed(0)}%; ${tasks(out[1])})`);
      row(`${spec.name}-cancel`, 'trainlab-wasm', [...cancel[2].times, ...cancel[0].times],
        `(click on cancel to the next painted frame: 2 workers median ${cancel[2].median.toFixed(1)} ms (max ${cancel[2].max.toFixed(1)}), in the page ${cancel[0].median.toFixed(1)} ms (max ${cancel[0].max.toFixed(1)}); progress after: ${Math.max(cancel[2].moved, cancel[0].moved)} steps; workers left ${cancel[2].alive}; target < 100 ms)`);
      return {
        samples: out[2].samples,
        note: `(${spec.what}; ${speedup.toFixed(2)} x one worker, ${(median(out[0].samples) / median(out[2].samples)).toFixed(2)} x the page; workers busy ${(100 * median(out[2].busy)).toFixed(0)}%; quiet: ${tasks(out[2])}; loaded: ${tasks(loaded[2])}, ${(loaded[2].ms / 1000).toFixed(1)} s; target >= 1.7 x)`,
      };
    },
  };
}
