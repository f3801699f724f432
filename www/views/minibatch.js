// UI extension of view=minibatch: press or drag on the contour plot to move the start (see
// normalise.js, which holds the shared dragging).
import { attachDrag } from './normalise.js';

export function attach(ctx) {
  return attachDrag(ctx);
}
