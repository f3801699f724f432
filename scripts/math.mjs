// Build step: the formulas of the page's words, written as TeX between dollar signs in
// www/text/*.js ('the average $V_t = βV_{t-1} + (1-β)θ_t$ keeps'), become MathML in the copies
// under dist/ (temml, at build time: the page loads no math library, and MathML Core renders
// natively in current Chromium, Firefox and Safari). The page inserts each <math> element by
// parsing it as XML (www/dom.js setRich), never as HTML.
//
// Colour: \textcolor{#0072b2}{β} marks a symbol in the colour of its curve; temml writes an
// inline style, which the page's CSP refuses, so the colour becomes a class (tl-ink-0072b2,
// defined in www/style.css for each palette colour).
//   node scripts/math.mjs [distDir]
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const temml = require('temml');

/** TeX -> MathML with colours as classes and no inline styles. */
export function texToMathml(tex) {
  let out = temml.renderToString(tex, { throwOnError: true, xml: true });
  out = out.replace(/ style="color:#([0-9a-fA-F]{6});?"/g, (_m, hex) => ` class="tl-ink-${hex.toLowerCase()}"`);
  // accents (\hat y) carry style="math-depth:0;", the depth they already have at the top level
  out = out.replace(/ style="math-depth:0;?"/g, '');
  if (/ style="/.test(out)) throw new Error(`math: an inline style is left in ${tex}`);
  return out;
}

/** The JS source `code` with every $…$ inside its string literals turned into MathML. A `$`
 * followed by `{` is a template placeholder, never math. */
export function convertSource(code, file = '') {
  let count = 0;
  const converted = code.replace(/(?<![\\$])\$(?!\{)([^$\n]+?)\$/g, (_m, raw) => {
    // the captured text is JavaScript string content: undo its escapes to get the TeX
    const tex = raw.replace(/\\(['"`\\])/g, '$1');
    let mathml;
    try {
      mathml = texToMathml(tex);
    } catch (e) {
      throw new Error(`${file}: cannot typeset $${tex}$: ${e.message}`);
    }
    count += 1;
    // back into a string literal of any quote kind
    return mathml.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  });
  return { code: converted, count };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const dir = join(dist, 'www/text');
  let total = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
    const path = join(dir, f);
    const { code, count } = convertSource(readFileSync(path, 'utf8'), f);
    writeFileSync(path, code);
    total += count;
  }
  console.log(`[math] ${total} formulas typeset as MathML`);
}
