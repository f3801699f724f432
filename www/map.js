// The front door: the course notes' path (setting up -> regularisation -> optimisation ->
// tuning -> batch norm), one card per view with a picture of its figure (an SVG the build draws
// with the same chart code, www/thumbs/<id>.svg), one line on what it shows and the notes it
// comes from, and "start here" on the first.
import { el, setRich, plainText } from './dom.js';

/** The stages of the notes' path, in order (each view's registry entry names its stage). */
export const STAGES = ['setup', 'regularisation', 'optimisation', 'tuning', 'batch_norm', 'other'];

/** Fills `box` with the map of `views` (in path order); `follow(event, href)` navigates. */
export function renderMap(box, views, s, follow) {
  box.replaceChildren(
    el('h2', 'lab-map-title', s.ui.map_title),
    setRich(el('p', 'lab-map-lead'), s.ui.map_lead),
  );
  let first = true;
  for (const stage of STAGES) {
    const here = views.filter((v) => (v.stage ?? 'other') === stage);
    // "try this" steps of other views that teach this stage (the training playground's L2 and
    // dropout steps for regularisation), as links to those steps
    const stepLinks = views.flatMap((v) => (s.views[v.id]?.steps ?? [])
      .map((step, i) => ({ v, step, n: i + 1 }))
      .filter((x) => x.step.stage === stage));
    if (!here.length && !stepLinks.length) continue;
    const cards = el('ol', 'lab-cards');
    for (const v of here) {
      const t = s.views[v.id] ?? {};
      const href = `?view=${v.id}`;
      const a = el('a', { href, class: 'lab-card' },
        el('img', { src: `www/thumbs/${v.id}.svg`, alt: '', loading: 'lazy', width: 240, height: 139, class: 'lab-thumb' }),
        el('span', 'lab-card-title', plainText(t.title ?? v.id)),
        setRich(el('span', 'lab-card-line'), t.caption ?? ''),
        el('span', 'lab-card-source', t.source ?? ''));
      if (first) {
        a.classList.add('lab-start');
        a.prepend(el('span', 'lab-start-badge', s.ui.start_here));
        first = false;
      }
      a.addEventListener('click', (e) => follow(e, href));
      cards.append(el('li', null, a));
    }
    const links = el('ul', 'lab-step-links', ...stepLinks.map(({ v, step, n }) => {
      const href = `?view=${v.id}&step=${n}`;
      const a = el('a', { href }, `${plainText(s.views[v.id]?.title ?? v.id)} · ${s.ui.step_label(n)}: `, setRich(el('span'), step.text));
      a.addEventListener('click', (e) => follow(e, href));
      return el('li', null, a);
    }));
    box.append(el('section', { class: 'lab-stage-block', 'data-stage': stage },
      el('h3', null, s.ui.stages?.[stage] ?? stage),
      setRich(el('p', 'lab-stage-lead'), s.ui.stage_leads?.[stage] ?? ''),
      here.length ? cards : null,
      stepLinks.length ? links : null));
  }
}
