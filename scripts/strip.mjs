// Strips comments and indentation from the JavaScript a page loads (dist/www/**/*.js and the wasm
// glue dist/pkg/*/*.js), in place: about a quarter of the bytes of the embedded EWMA page's
// scripts, gzipped. Each file keeps its header (the comment lines it starts with, which say what
// it is); the sources in www/ keep every comment. Not a minifier: names, strings, templates,
// regular expressions and line breaks stay exactly as written, and each file is checked after:
// the same tokens as before, and `node --check` parses it as a module.
//   node scripts/strip.mjs dist/www dist/pkg
import { readFileSync, writeFileSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

// After these, a `/` starts a regular expression; after anything else (a name, a number, `)`,
// `]`) it divides.
const BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^',
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * Splits `src` into tokens: { kind: 'code' | 'string' | 'template' | 'regex' | 'comment' | 'space',
 * text }. Templates are split at `${` and `}` so that the code inside them is tokenised too.
 */
export function tokens(src) {
  const out = [];
  const stack = []; // open braces: 'code' or 'template' (a `${` to return to its template)
  let i = 0;
  let last = ''; // the last significant token, for the regex rule
  const push = (kind, text) => { out.push({ kind, text }); if (kind !== 'space' && kind !== 'comment') last = text; };
  const template = (start) => {
    // from just after a backtick or a `}` that closes `${`: to the closing backtick or a `${`
    let j = start;
    while (j < src.length && src[j] !== '`') {
      if (src[j] === '\\') j += 2;
      else if (src[j] === '$' && src[j + 1] === '{') { stack.push('template'); return { end: j + 2, open: true }; }
      else j++;
    }
    if (j >= src.length) throw new Error('unterminated template');
    return { end: j + 1, open: false };
  };
  while (i < src.length) {
    const c = src[i];
    const d = src[i + 1];
    if (/\s/.test(c)) {
      let j = i;
      while (j < src.length && /\s/.test(src[j])) j++;
      push('space', src.slice(i, j));
      i = j;
    } else if (c === '/' && d === '/') {
      let j = src.indexOf('\n', i);
      if (j < 0) j = src.length;
      push('comment', src.slice(i, j));
      i = j;
    } else if (c === '/' && d === '*') {
      const j = src.indexOf('*/', i + 2);
      if (j < 0) throw new Error('unterminated comment');
      push('comment', src.slice(i, j + 2));
      i = j + 2;
    } else if (c === '\'' || c === '"') {
      let j = i + 1;
      while (src[j] !== c) {
        if (j >= src.length || src[j] === '\n') throw new Error('unterminated string');
        j += src[j] === '\\' ? 2 : 1;
      }
      push('string', src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const t = template(i + 1);
      push('template', src.slice(i, t.end));
      i = t.end;
    } else if (c === '/' && BEFORE_REGEX.has(last)) {
      let j = i + 1;
      let inClass = false;
      while (inClass || src[j] !== '/') {
        if (j >= src.length || src[j] === '\n') throw new Error('unterminated regular expression');
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (/[a-z]/.test(src[j] ?? '')) j++;
      push('regex', src.slice(i, j));
      i = j;
    } else if (c === '{') {
      stack.push('code');
      push('code', c);
      i++;
    } else if (c === '}') {
      if (stack.pop() === 'template') {
        const t = template(i + 1);
        push('template', src.slice(i, t.end));
        i = t.end;
      } else {
        push('code', c);
        i++;
      }
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < src.length && /[\w$]/.test(src[j])) j++;
      push('code', src.slice(i, j));
      i = j;
    } else {
      push('code', c);
      i++;
    }
  }
  return out;
}

/** `src` without its comments (but its header) and without indentation or blank lines. */
export function strip(src) {
  const toks = tokens(src);
  let k = 0;
  let header = '';
  // the header: the comments and spaces the file starts with
  while (k < toks.length && (toks[k].kind === 'comment' || toks[k].kind === 'space')) header += toks[k++].text;
  header = header.trimEnd();
  let body = header ? `${header}\n` : '';
  // what separates the next token from the last one: nothing, a space, or a line break (kept
  // wherever there was one, for automatic semicolon insertion); never inside a template
  let gap = '';
  for (; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'space' || t.kind === 'comment') {
      if (t.text.includes('\n')) gap = '\n';
      else if (!gap) gap = ' ';
    } else {
      body += gap + t.text;
      gap = '';
    }
  }
  return `${body}\n`;
}

/** The significant tokens of `src` (no comments, no spaces). */
const significant = (src) => tokens(src).filter((t) => t.kind !== 'comment' && t.kind !== 'space').map((t) => t.text);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.js')) yield path;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = mkdtempSync(join(tmpdir(), 'trainlab-strip-'));
  let before = 0;
  let after = 0;
  try {
    for (const dir of process.argv.slice(2)) {
      for (const file of files(dir)) {
        const src = readFileSync(file, 'utf8');
        const out = strip(src);
        const [a, b] = [significant(src), significant(out)];
        if (a.length !== b.length || a.some((t, n) => t !== b[n])) throw new Error(`strip: ${file}: tokens changed`);
        const copy = join(check, 'module.mjs');
        writeFileSync(copy, out);
        execFileSync(process.execPath, ['--check', copy]);
        writeFileSync(file, out);
        before += src.length;
        after += out.length;
      }
    }
  } finally {
    rmSync(check, { recursive: true, force: true });
  }
  console.log(`[strip] ${(before / 1024).toFixed(0)} KB of scripts -> ${(after / 1024).toFixed(0)} KB`);
}
