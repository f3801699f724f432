// Shared helper of the view extensions: code blocks filled with textContent (never innerHTML).
import { el } from '../dom.js';

/** A code figure captioned `title`, to be filled by fillCode. */
export function codeBlock(title) {
  return el('figure', 'tl-code', el('figcaption', { text: title }));
}

/** Replaces the blocks under `fig` by one <pre><code> per [label, text] pair. */
export function fillCode(fig, blocks) {
  fig.querySelectorAll('section').forEach((s) => s.remove());
  for (const [label, text] of blocks) {
    const code = el('pre', { tabindex: 0 }, el('code', { text }));
    fig.append(el('section', {}, label ? el('h4', { text: label }) : null, code));
  }
}
