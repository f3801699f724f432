// Shared helper of the view extensions: code blocks filled with textContent (never innerHTML).
export function codeBlock(title) {
  const fig = document.createElement('figure');
  fig.className = 'tl-code';
  const cap = document.createElement('figcaption');
  cap.textContent = title;
  fig.append(cap);
  return fig;
}

/** Replaces the blocks under `fig` by one <pre><code> per [label, text] pair. */
export function fillCode(fig, blocks) {
  fig.querySelectorAll('section').forEach((s) => s.remove());
  for (const [label, text] of blocks) {
    const section = document.createElement('section');
    if (label) {
      const h = document.createElement('h4');
      h.textContent = label;
      section.append(h);
    }
    const pre = document.createElement('pre');
    pre.tabIndex = 0;
    const code = document.createElement('code');
    code.textContent = text;
    pre.append(code);
    section.append(pre);
    fig.append(section);
  }
}
