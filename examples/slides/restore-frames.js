// Keeps the state of trainlab iframes that a slide deck unloads and reloads.
//
// An `embed=1` trainlab page posts { view, query } to its parent whenever its state changes.
// reveal.js reloads frames from `data-src`: a frame with only `data-src` loads when its slide shows
// and is emptied when the slide is left (`data-src` stays); a frame with `data-src data-preload`
// loads within `viewDistance` (reveal moves `data-src` to `src`) and past it is unloaded (`src`
// goes back to `data-src`). Either way this module points `data-src` at the last state the frame
// posted, so the frame comes back as the reader left it.
//
//   import { restoreFrames } from './restore-frames.js';
//   restoreFrames(document.querySelector('.reveal'));

/** The address to reload a frame with: the frame's own page and options, the posted state. */
export function stateUrl(original, view, query) {
  const url = new URL(original, location.href);
  const keep = new URLSearchParams(url.search);
  const next = new URLSearchParams(query.replace(/^\?/, ''));
  next.set('view', view);
  // page options the state does not carry (embed, hide, lang) stay as the deck's author set them
  for (const name of ['embed', 'hide', 'lang']) {
    if (keep.has(name) && !next.has(name)) next.set(name, keep.get(name));
  }
  url.search = next.toString().replace(/%2C/g, ',');
  return url.href;
}

/** Watches the iframes under `root`; returns a function that stops watching. */
export function restoreFrames(root = document) {
  const saved = new Map();   // iframe -> address of its last posted state
  const frames = () => [...root.querySelectorAll('iframe')];

  function onMessage(e) {
    const d = e.data;
    if (!d || typeof d !== 'object' || typeof d.view !== 'string' || typeof d.query !== 'string') return;
    const frame = frames().find((f) => f.contentWindow === e.source);
    if (!frame) return;
    const original = frame.getAttribute('src') ?? frame.getAttribute('data-src');
    if (!original || new URL(original, location.href).origin !== e.origin) return;
    const url = stateUrl(original, d.view, d.query);
    saved.set(frame, url);
    if (frame.hasAttribute('data-src')) frame.setAttribute('data-src', url);   // setting it loads nothing
  }

  // The deck moved `src` back to `data-src` (a preloaded frame was unloaded): the saved state instead.
  const watcher = new MutationObserver((records) => {
    for (const r of records) {
      const frame = r.target;
      const url = saved.get(frame);
      if (url && frame.hasAttribute('data-src') && frame.getAttribute('data-src') !== url) {
        frame.setAttribute('data-src', url);
      }
    }
  });
  for (const f of frames()) watcher.observe(f, { attributes: true, attributeFilter: ['data-src'] });
  window.addEventListener('message', onMessage);
  return () => { watcher.disconnect(); window.removeEventListener('message', onMessage); };
}
