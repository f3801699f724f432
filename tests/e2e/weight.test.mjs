// Page weight (issue 13): every response a page fetched, gzipped at level 9 as a static host
// serves it, summed (scripts/weight.mjs, which `make size` prints too), against the budgets:
// the embedded EWMA view < 150 KB, the course map and the view it marks "start here" < 250 KB,
// the training playground on the digits < 400 KB. A page fetches one wasm module, only its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser } from './harness.mjs';
import { PAGES, measure, startHere, fileTable, summary, kb } from '../../scripts/weight.mjs';

let srv;
let b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

const rows = [];
const paths = (row) => row.files.map((f) => new URL(f.url).pathname);
const wasm = (row) => paths(row).filter((p) => p.endsWith('.wasm'));

for (const page of PAGES) {
  test(`${page.name} fetches less than ${page.budget} KB gzipped`, async () => {
    const path = page.path ?? await startHere(b.page, srv.url);
    const row = { ...page, path, ...(await measure(b.page, srv.url + path)) };
    rows.push(row);
    const table = `${row.name} (/${path}): ${row.files.length} files, ${kb(row.gzip)} KB gzipped\n${fileTable(row, srv.url)}`;
    assert.ok(row.gzip < page.budget * 1024, `over budget by ${kb(row.gzip - page.budget * 1024)} KB:\n${table}`);
    // one module per page, and only the one its view lives in
    const { catalog } = await b.page.evaluate(() => window.trainlab);
    const id = new URLSearchParams(path).get('view');
    const info = catalog.views.find((v) => v.id === id);
    if (id) assert.deepEqual(wasm(row), [`/pkg/${info.module}/trainlab_wasm_bg.wasm`], table);
    else assert.deepEqual(wasm(row), [], `the map draws its pictures without a module:\n${table}`);
    // the digits only for the views that train on them (train only with dataset=digits), the
    // words of one language
    const digits = !!info?.digits && (info.digits.rule === 'always' || path.includes('dataset=digits'));
    assert.equal(paths(row).includes('/www/data/digits.bin'), digits, table);
    assert.ok(!paths(row).some((p) => p.endsWith('.ko.js')), `English page, Korean words fetched:\n${table}`);
    assert.deepEqual(b.errors, []);
  });
}

after(() => { if (rows.length) console.log(summary(rows)); });
