// The deck: reveal.js with its defaults except a short viewDistance (so the tests reach an
// unloaded iframe in a few slides), plus the one helper that restores unloaded trainlab iframes.
import Reveal from './reveal/reveal.mjs';
import { restoreFrames } from './restore-frames.js';

restoreFrames(document.querySelector('.reveal'));
await Reveal.initialize({ hash: false, viewDistance: 2 });
window.deck = Reveal;
document.documentElement.dataset.ready = 'deck';
