// Every word exists in English and Korean: the two tables must have exactly the same keys, lists of
// the same length, and functions where the other has functions. Runs in Node (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { EN, KO, LANGS, pickLang, formatNotice, loadViewTexts } from '../../www/text.js';

// The page loads each view's words by the catalogue's ids; here, by the files in www/text/.
const VIEW_IDS = readdirSync(new URL('../../www/text/', import.meta.url))
  .filter((f) => f.endsWith('.js') && !f.endsWith('.ko.js'))
  .map((f) => f.slice(0, -3));
await loadViewTexts(VIEW_IDS);
test('every view text file has its Korean twin', () => {
  assert.ok(VIEW_IDS.length >= 10);
  for (const id of VIEW_IDS) assert.ok(EN.views[id] && KO.views[id], id);
});

function shape(a, b, path, out) {
  const kind = (x) => (Array.isArray(x) ? 'array' : typeof x);
  if (kind(a) !== kind(b)) { out.push(`${path}: ${kind(a)} in en, ${kind(b)} in ko`); return; }
  if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items in en, ${b.length} in ko`);
    a.forEach((x, i) => i < b.length && shape(x, b[i], `${path}[${i}]`, out));
  } else if (a && typeof a === 'object') {
    for (const k of Object.keys(a)) if (!(k in b)) out.push(`${path}.${k}: missing in ko`);
    for (const k of Object.keys(b)) if (!(k in a)) out.push(`${path}.${k}: missing in en`);
    for (const k of Object.keys(a)) if (k in b) shape(a[k], b[k], `${path}.${k}`, out);
  } else if (typeof a === 'string' && !path.endsWith('.set') && (a.trim() === '' || b.trim() === '')) {
    // (a step's `set` is a query, not words: '' is "the defaults")
    out.push(`${path}: empty text`);
  }
}

test('Korean and English tables have the same keys', () => {
  const problems = [];
  shape(EN, KO, 'text', problems);
  assert.deepEqual(problems, []);
});

test('Korean view texts are Korean, not copies of the English', () => {
  const hangul = /[\uAC00-\uD7A3]/;
  for (const [id, t] of Object.entries(KO.views)) {
    assert.match(t.lead, hangul, `${id}.lead`);
    // what to notice: the "try this" steps (or the older list of notes)
    const notes = t.notice ?? (t.steps ?? []).map((step) => step.text);
    assert.ok(notes.length > 0, `${id}: nothing to notice`);
    for (const p of notes) assert.match(p, hangul, `${id}.notice`);
    // a label may stay a symbol (β) but must not be the English text left untranslated
    for (const [name, p] of Object.entries(t.params)) {
      assert.ok(hangul.test(p.label) || p.label !== EN.views[id].params[name].label, `${id}.params.${name}: ${p.label}`);
    }
  }
});

test('every notice kind formats in both languages with the parameter named', () => {
  const n = { param: 'beta', given: '2', used: '0.9999', detail: 'valid range 0.01 to 0.9999' };
  for (const lang of Object.keys(LANGS)) {
    for (const problem of Object.keys(EN.notice)) {
      const text = formatNotice({ ...n, problem }, LANGS[lang]);
      assert.ok(text.length > 10 && !/undefined/.test(text), `${lang}.${problem}: ${text}`);
    }
  }
  assert.equal(pickLang('ko'), 'ko');
  assert.equal(pickLang('en'), 'en');
  assert.equal(pickLang('xx'), pickLang(undefined));
});
