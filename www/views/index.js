// Per-view extensions of the generic view UI (extra buttons, animation, clicks on the figure).
// A view without an entry here gets the schema-built controls only.
//
// An extension is a module exporting attach(ctx) -> { destroy() }, where ctx is
// { handle, root, figure, canvas, form, apply(query) -> notices, strings, texts, info, formatNumber }
// (info: the view's catalogue entry, { id, module, params, commands }; formatNumber: the number
// formatter of the view's wasm module, core::math::format::short).
// Extensions only translate UI events into parameter changes (apply) or read handle.data();
// they never compute what the core computes. Each is loaded with its view (load()), not before.
const LOADERS = {
  normalise: () => import('./normalise.js'),
  minibatch: () => import('./minibatch.js'),
  optima: () => import('./optima.js'),
  optimizers: () => import('./optimizers.js'),
  search: () => import('./search.js'),
  scale: () => import('./scale.js'),
  space: () => import('./space.js'),
  train: () => import('./train.js'),
  learning: () => import('./learning.js'),
  tuning: () => import('./tuning.js'),
  // hover, tap and arrow-key readouts of the figure's parts (the view's `targets` query)
  activations: () => import('./readout.js'),
  batchnorm: () => import('./batchnorm.js'),
  gradcheck: () => import('./readout.js'),
};

const loaded = new Map();

/** Loads the extension of view `id`, if it has one. */
export async function loadExtension(id) {
  if (LOADERS[id] && !loaded.has(id)) loaded.set(id, await LOADERS[id]());
}

/** The extension module of view `id`, once loaded, else null. */
export function extensionOf(id) {
  return loaded.get(id) ?? null;
}
