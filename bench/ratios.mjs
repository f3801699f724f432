// Prints trainlab's ratio to every peer measured in the same `PEERS=1 make bench` invocation.
//   node bench/ratios.mjs TRAINLAB.jsonl PEERS_RAW.jsonl
// time ratio = trainlab median / peer median (below 1: trainlab is faster);
// for matmul also GFLOP/s of both.
import { readFileSync } from 'node:fs';

const [mine, peers] = process.argv.slice(2).map((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
console.log(`${'workload'.padEnd(18)} ${'peer'.padEnd(18)} ${'peer ms'.padStart(10)} ${'trainlab ms'.padStart(12)} ${'time ratio'.padStart(11)}  note`);
for (const t of mine) {
  for (const p of peers.filter((r) => r.workload === t.workload)) {
    if (!p.median_ms) {
      console.log(`${t.workload.padEnd(18)} ${p.runner.padEnd(18)} ${'failed'.padStart(10)}`);
      continue;
    }
    const ratio = t.median_ms / p.median_ms;
    const note = t.gflops && p.gflops ? `GFLOP/s ${t.gflops.toFixed(1)} vs ${p.gflops.toFixed(1)}` : '';
    console.log(`${t.workload.padEnd(18)} ${p.runner.padEnd(18)} ${p.median_ms.toFixed(4).padStart(10)} ${t.median_ms.toFixed(4).padStart(12)} ${ratio.toFixed(3).padStart(11)}  ${note}`);
  }
}
