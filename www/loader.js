// What a page downloads, and when: the catalogue of every view (www/catalog.json, read first),
// one wasm module per group of views (pkg/<module>/, loaded when a view of the group is mounted,
// once per page however many views share it), the digits (www/data/digits.bin, only for the
// views that train on them) and each view's words in one language (www/text.js).
//
// The single-file build (scripts/standalone.mjs) has no files to fetch: its modules are data:
// URLs under the bare specifiers of an import map, and it hands the wasm bytes, the digits and
// the catalogue to init() itself.

const IN_ONE_FILE = import.meta.url.startsWith('data:');
const PKG = IN_ONE_FILE ? 'trainlab/pkg/' : new URL('../pkg/', import.meta.url).href;

/** What init() was given (the single-file build's bytes), set once. */
let given = {};
const loading = new Map();
const ready = new Map();
const digitsLoading = new Map();
const digitsReady = new Set();
let digitsBytes = null;

/** Remembers the single-file build's bytes: { wasm: { module: bytes }, digits: bytes, catalog }. */
export function provide(options) {
  given = options ?? {};
}

/** The catalogue: { views: [{ id, module, digits, stage, params, commands }], reserved }. */
export async function loadCatalog() {
  if (given.catalog) return given.catalog;
  const response = await fetch(new URL('./catalog.json', import.meta.url));
  if (!response.ok) throw new Error(`trainlab: catalog.json: HTTP ${response.status}`);
  return response.json();
}

/** The exports of wasm module `name` (ViewHandle, randomSeed, formatNumber, provideDigits...),
 * loaded and started once per page. */
export function loadModule(name) {
  if (!loading.has(name)) {
    loading.set(name, (async () => {
      // the wasm is requested with its glue, not after it (one round trip less on a slow
      // network); the glue compiles it as it streams in
      const bytes = given.wasm?.[name] ?? fetch(`${PKG}${name}/trainlab_wasm_bg.wasm`);
      // a failed fetch is reported once, by the glue that awaits it (not also as unhandled)
      bytes.catch?.(() => {});
      const glue = await import(`${PKG}${name}/trainlab_wasm.js`);
      await glue.default({ module_or_path: bytes });
      ready.set(name, glue);
      return glue;
    })());
  }
  return loading.get(name);
}

/** The exports of module `name` once it has loaded, else null (for the synchronous mount()). */
export function loadedModule(name) {
  return ready.get(name) ?? null;
}

/** Hands the digits to module `name` (fetched once per page, only when a view needs them). */
export function loadDigits(name) {
  if (!digitsLoading.has(name)) {
    digitsLoading.set(name, (async () => {
      digitsBytes ??= given.digits ? Promise.resolve(given.digits) : (async () => {
        const response = await fetch(new URL('./data/digits.bin', import.meta.url));
        if (!response.ok) throw new Error(`trainlab: digits.bin: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      })();
      const [glue, bytes] = await Promise.all([loadModule(name), digitsBytes]);
      glue.provideDigits(bytes);
      digitsReady.add(name);
    })());
  }
  return digitsLoading.get(name);
}

/** Whether module `name` holds the digits already. */
export function hasDigits(name) {
  return digitsReady.has(name);
}
