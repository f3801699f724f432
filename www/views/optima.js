// UI extension of view=optima: press or drag on the surface to move the start; the geometry names
// the start parameters of the surface shown (x0, y0 on the plateau, saddle_x0, saddle_y0 on the
// saddle). The dragging is shared with normalise.js.
import { attachDrag } from './normalise.js';

export function attach(ctx) {
  return attachDrag(ctx, ['x0', 'y0']);
}
