// The export bar under a view's figure: copy the share link, download the figure (SVG, PNG) and
// its numbers (CSV, JSON). Files are made in the page (see exports.js): no request, no server.
import { el, button } from './dom.js';
import { saveText, saveBlob, copyText } from './exports.js';

/** The bar for `handle` (a mounted view); `link()` gives the share link; s: the page's words. */
export function exportBar(handle, s, link) {
  const status = el('span', 'tl-export-status');
  status.setAttribute('role', 'status');
  const base = () => `trainlab-${handle.viewId}`;
  const bar = el('div', 'tl-exports',
    button('tl-button', s.ui.copy_link, async () => {
      const url = link();
      status.textContent = (await copyText(url)) ? s.ui.link_copied : `${s.ui.link_ready} ${url}`;
    }),
    el('span', 'tl-export-label', `${s.ui.downloads}:`),
    button('tl-button', s.ui.download_svg, () => saveText(handle.svg(), `${base()}.svg`, 'image/svg+xml')),
    button('tl-button', s.ui.download_png, async () => saveBlob(await handle.png(), `${base()}.png`)),
    button('tl-button', s.ui.download_csv, () => saveText(handle.csv(), `${base()}.csv`, 'text/csv')),
    button('tl-button', s.ui.download_json, () => saveText(
      JSON.stringify({ view: handle.viewId, params: handle.params(), data: handle.data() }, null, 1),
      `${base()}.json`, 'application/json')),
    status);
  return bar;
}
