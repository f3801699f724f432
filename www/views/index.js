// Per-view extensions of the generic view UI (extra buttons, animation, clicks on the figure).
// A view without an entry here gets the schema-built controls only.
//
// An extension is a module exporting attach(ctx) -> { destroy() }, where ctx is
// { handle, root, figure, canvas, form, apply(query) -> notices, strings, texts }.
// Extensions only translate UI events into parameter changes (apply) or read handle.data();
// they never compute what the core computes.
import * as optimizers from './optimizers.js';
import * as readout from './readout.js';
import * as search from './search.js';
import * as scale from './scale.js';
import * as space from './space.js';
import * as train from './train.js';
import * as tuning from './tuning.js';

export const EXTENSIONS = {
  optimizers, search, scale, space, train, tuning,
  // hover, tap and arrow-key readouts of the figure's parts (the view's `targets` query)
  activations: readout, batchnorm: readout, gradcheck: readout,
};
