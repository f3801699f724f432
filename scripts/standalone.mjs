// Writes dist/trainlab.html: the whole lab in one file that works from file:// with no server and
// no network (for email or a learning platform). No bundler: every ES module of www/ and the
// wasm-bindgen glue becomes a data: URL in an import map under a bare specifier
// ("trainlab/www/controls.js"); relative imports are rewritten to those specifiers; the wasm is
// inlined as base64 and handed to init(); the stylesheet is inlined. A Content-Security-Policy
// allows exactly these inline pieces by their SHA-256 hashes.
//   node scripts/standalone.mjs [distDir]
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname, resolve, relative } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
// every module of the lab (not `bench`, which only bench/page.mjs loads)
const MODULES = readdirSync(join(dist, 'pkg')).filter((m) => m !== 'bench' && existsSync(join(dist, 'pkg', m, 'trainlab_wasm_bg.wasm'))).sort();
if (!MODULES.length) throw new Error(`${dist}/pkg/<module>/trainlab_wasm_bg.wasm missing: run scripts/build.sh first`);

const IMPORT_RE = /(\bimport\s*(?:[\w$*{}\s,]+\s*from\s*)?|\bexport\s*[\w$*{}\s,]+\s*from\s*|\bimport\s*\()\s*(['"])(\.{1,2}\/[^'"]+)\2/g;
const spec = (file) => `trainlab/${relative(dist, file).split('\\').join('/')}`;

// Walk the module graph from the page's entry point.
const modules = new Map();
function visit(file) {
  if (modules.has(file)) return;
  let code = readFileSync(file, 'utf8');
  modules.set(file, null);
  // Rewrite imports on code lines only: comments may show example imports.
  code = code.split('\n').map((line) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return line;
    return line.replace(IMPORT_RE, (_m, head, q, rel) => {
      const target = resolve(dirname(file), rel);
      visit(target);
      return `${head}${q}${spec(target)}${q}`;
    });
  }).join('\n');
  // Two modules may have the same text (the glue of two wasm modules with the same exports);
  // as data: URLs they would be one module, so each carries its own path.
  modules.set(file, `${code}\n// ${spec(file)}\n`);
}
visit(join(dist, 'www/app.js'));
// The view text modules are imported by computed specifier (www/text.js), so the walk above does
// not see them: every one goes into the import map.
for (const f of readdirSync(join(dist, 'www/text')).filter((f) => f.endsWith('.js')).sort()) visit(join(dist, 'www/text', f));
// so are the wasm modules' glue (www/loader.js): every module goes in, the whole lab in one file
for (const m of MODULES) visit(join(dist, 'pkg', m, 'trainlab_wasm.js'));

const b64 = (s) => Buffer.from(s).toString('base64');
const sha = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const imports = {};
for (const [file, code] of modules) imports[spec(file)] = `data:text/javascript;base64,${b64(code)}`;
const importMap = JSON.stringify({ imports });
const bytesOf = (b64s) => `Uint8Array.from(atob('${b64s}'), (c) => c.charCodeAt(0))`;
const wasmBytes = MODULES.map((m) => `${JSON.stringify(m)}: ${bytesOf(readFileSync(join(dist, 'pkg', m, 'trainlab_wasm_bg.wasm')).toString('base64'))}`);
const catalogJson = readFileSync(join(dist, 'www/catalog.json'), 'utf8').trim();
const boot = [
  "import { init } from 'trainlab/www/trainlab.js';",
  // everything the page would fetch: the modules' bytes, the digits, the catalogue
  `await init({ lazy: true, wasm: { ${wasmBytes.join(', ')} }, digits: ${bytesOf(readFileSync(join(dist, 'www/data/digits.bin')).toString('base64'))}, catalog: ${catalogJson} });`,
  "await import('trainlab/www/app.js');",
].join('\n');
const css = readFileSync(join(dist, 'www/style.css'), 'utf8');
const icon = `data:image/svg+xml;base64,${b64(readFileSync(join(dist, 'www/favicon.svg'), 'utf8'))}`;

const csp = [
  "default-src 'none'",
  `script-src data: 'wasm-unsafe-eval' ${sha(importMap)} ${sha(boot)}`,
  `style-src ${sha(css)}`,
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(join(dist, 'index.html'), 'utf8');
const swap = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`standalone: index.html has no ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
swap(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`);
swap(/<script type="module" src="www\/app.js"><\/script>/,
  `<script type="importmap">${importMap}</script>\n  <script type="module">${boot}</script>`);
const out = join(dist, 'trainlab.html');
writeFileSync(out, html);
console.log(`[standalone] ${relative(process.cwd(), out)}: ${(html.length / 1024).toFixed(0)} KB, ${modules.size} modules inlined`);

