// The lab page: the course map at the root, one mounted view per address
// (?view=<id>&<param>=<value>..., embed=1, hide=a,b, lang, step), navigation along the notes'
// path (a menu on small screens), previous / next, and the address bar as the whole state.
import { init, load, mount } from './trainlab.js';
import { strings, pickLang, LANGS } from './text.js';
import { el, byId as $, setRich, plainText } from './dom.js';
import { renderMap, STAGES } from './map.js';

let catalog = null;
let handle = null;
let embedOverflow = 0;
let s = strings();

function pageState() {
  const q = new URLSearchParams(location.search);
  const step = Number(q.get('step'));
  return {
    view: q.get('view'),
    embed: q.get('embed') === '1',
    hide: (q.get('hide') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    lang: q.get('lang'),
    step: Number.isInteger(step) && step > 0 ? step : null,
  };
}

/** The share link of the current state: view, every parameter, and the page flags kept. */
function addressOf(h, state, step = state.step) {
  let q = `?view=${h.viewId}&${h.query()}`;
  if (state.embed) q += '&embed=1';
  if (state.hide.length) q += `&hide=${state.hide.map(encodeURIComponent).join(',')}`;
  if (state.lang) q += `&lang=${encodeURIComponent(state.lang)}`;
  if (step) q += `&step=${step}`;
  return q;
}

/** The views in the order of the notes' path (stage by stage, registry order within one). */
function ordered() {
  const rank = (v) => {
    const i = STAGES.indexOf(v.stage);
    return i < 0 ? STAGES.length : i;
  };
  return catalog.views.map((v, i) => [v, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([v]) => v);
}

/** Static page words, the language switch and the menu button. */
function renderChrome() {
  document.documentElement.lang = s === LANGS.ko ? 'ko' : 'en';
  document.querySelector('.skip').textContent = s.ui.skip;
  document.querySelector('.tagline').textContent = s.ui.tagline;
  document.querySelector('.lab-footer p').textContent = s.ui.footer;
  $('lab-nav').setAttribute('aria-label', s.ui.views);
  $('menu-button').replaceChildren(el('span', { class: 'lab-menu-icon', 'aria-hidden': 'true' }, '☰'), el('span', 'lab-menu-label', s.ui.menu));
  $('menu-button').setAttribute('aria-label', s.ui.menu);
  const box = $('lang');
  box.setAttribute('aria-label', s.ui.language);
  box.replaceChildren();
  for (const [code, label] of [['en', 'English'], ['ko', '한국어']]) {
    const b = el('button', { type: 'button', lang: code, 'aria-pressed': String(strings(code) === s) }, label);
    b.addEventListener('click', () => {
      const q = new URLSearchParams(location.search);
      q.set('lang', code);
      history.replaceState(null, '', `?${q.toString().replace(/%2C/g, ',')}`);
      show();
    });
    box.append(b);
  }
}

/** Goes to `href` inside the page (no reload), or lets the browser open it in a new tab. */
function follow(e, href) {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  history.pushState(null, '', href);
  closeMenu();
  show();
  $('main').focus();
}

function langQuery() {
  const lang = new URLSearchParams(location.search).get('lang');
  return lang ? `&lang=${encodeURIComponent(lang)}` : '';
}

function renderNav(active) {
  const nav = $('nav');
  nav.replaceChildren();
  for (const stage of STAGES) {
    const views = ordered().filter((v) => (v.stage ?? 'other') === stage);
    if (!views.length) continue;
    const list = el('ol');
    for (const v of views) {
      const a = el('a', { href: `?view=${v.id}` }, plainText(s.views[v.id]?.nav ?? v.id));
      if (v.id === active) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (e) => follow(e, `${a.getAttribute('href')}${langQuery()}`));
      list.append(el('li', null, a));
    }
    nav.append(el('li', 'lab-stage', el('span', 'lab-stage-name', s.ui.stages?.[stage] ?? stage), list));
  }
}

function closeMenu() {
  document.body.classList.remove('menu-open');
  $('menu-button').setAttribute('aria-expanded', 'false');
}

/** Previous and next along the notes' path. */
function renderPager(id) {
  const views = ordered();
  const i = views.findIndex((v) => v.id === id);
  const pager = $('pager');
  pager.replaceChildren();
  pager.setAttribute('aria-label', s.ui.course);
  for (const [v, cls, label] of [[views[i - 1], 'lab-prev', s.ui.previous], [views[i + 1], 'lab-next', s.ui.next]]) {
    if (!v) continue;
    const a = el('a', { href: `?view=${v.id}`, class: cls },
      el('span', 'lab-pager-label', label), el('span', 'lab-pager-title', plainText(s.views[v.id]?.title ?? v.id)));
    a.addEventListener('click', (e) => follow(e, `${a.getAttribute('href')}${langQuery()}`));
    pager.append(a);
  }
}

function renderText(viewId) {
  const t = s.views[viewId] ?? {};
  $('view-title').textContent = plainText(t.title ?? viewId);
  setRich($('view-caption'), t.caption ?? '');
  $('view-caption').hidden = !t.caption;
  setRich($('view-lead'), t.lead ?? '');
  // views whose "what to notice" is not yet a list of steps keep it as prose under the figure
  const section = $('view-notice');
  const list = section.querySelector('ul');
  list.replaceChildren(...(t.steps ? [] : t.notice ?? []).map((para) => setRich(el('li'), para)));
  $('notice-title').textContent = s.ui.what_to_notice;
  section.hidden = !list.children.length;
  document.title = `${plainText(t.title ?? viewId)} · trainlab`;
}

/** Embedded: shrink the figure and the controls column by whatever still overflows the frame
 * (a view's own buttons, the link back), so the page itself never scrolls. */
function fitFrame() {
  const over = document.documentElement.scrollHeight - window.innerHeight;
  if (over > 0 && handle) {
    embedOverflow += over;
    document.body.style.setProperty('--embed-extra', `${embedOverflow}px`);
    handle.redraw();
  }
}

function showMap() {
  handle?.destroy();
  handle = null;
  $('view-page').hidden = true;
  $('map').hidden = false;
  renderNav(null);
  renderMap($('map'), ordered(), s, (e, href) => follow(e, `${href}${langQuery()}`));
  document.title = `trainlab · ${s.ui.tagline}`;
  window.trainlab = { handle: null, catalog };
  document.documentElement.dataset.ready = 'map';
}

let shown = 0;
async function show() {
  const seq = ++shown;
  const state = pageState();
  s = strings(pickLang(state.lang));
  renderChrome();
  document.body.classList.toggle('embed', state.embed);
  if (!state.view && !state.embed) {
    showMap();
    return;
  }
  $('map').hidden = true;
  // only this view's module, words and data, the first time it is shown
  const id = catalog.views.some((v) => v.id === state.view) ? state.view : catalog.views[0].id;
  await load(id, pickLang(state.lang), location.search);
  // a later navigation won while this view loaded
  if (seq !== shown) return;
  $('view-page').hidden = false;
  handle?.destroy();
  handle = mount($('view-mount'), state.view ?? id, location.search, {
    hide: state.hide,
    lang: state.lang,
    step: state.step,
    layout: state.embed ? 'compact' : 'full',
    onChange: (h) => {
      history.replaceState(null, '', addressOf(h, state));
      postState(h, state);
    },
    onStep: (h, n) => {
      state.step = n;
      history.replaceState(null, '', addressOf(h, state, n));
    },
    link: (h) => new URL(addressOf(h, { ...state, embed: false }), location.href).href,
    // embedded: the figure takes the frame's height, less the export bar, the link back and
    // whatever a view adds under its figure (measured below)
    height: state.embed ? () => window.innerHeight - 80 - embedOverflow : undefined,
  });

  renderNav(handle.viewId);
  renderText(handle.viewId);
  renderPager(handle.viewId);
  const back = $('embed-link');
  back.hidden = !state.embed;
  back.querySelector('a').href = addressOf(handle, { ...state, embed: false });
  back.querySelector('a').textContent = s.ui.open_full;
  if (state.embed) {
    fitFrame();
    requestAnimationFrame(fitFrame);
  }
  window.trainlab = { handle, catalog };
  document.documentElement.dataset.ready = handle.viewId;
}

/** Keys a slide deck moves with, and reveal.js's names for them (its postMessage API). */
const DECK_KEYS = {
  ArrowLeft: ['left', 37], ArrowRight: ['right', 39], ArrowUp: ['up', 38], ArrowDown: ['down', 40],
  PageUp: ['prev', 33], PageDown: ['next', 34], ' ': ['next', 32], Home: ['slide', 36], End: ['slide', 35],
};

/**
 * embed=1 in a frame: keys the view does not use go to the parent page, once, so a slide deck
 * keeps moving after a click inside the frame: as a keydown on the parent document when it is
 * of the same origin (reveal.js reads its keyCode), else through reveal.js's postMessage API;
 * and every change of the view is posted to the parent ({ type: 'trainlab:state', view, query })
 * so a deck can restore a frame it unloaded. docs/embedding.md has the host's side.
 */
function connectToHost() {
  if (window.parent === window) return;
  document.addEventListener('keydown', (e) => {
    const deck = DECK_KEYS[e.key];
    if (!deck || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    // a focused control uses the arrows (a slider, a select, a number box, a text field)
    if (e.target.closest?.('input, select, textarea, [contenteditable], [role="slider"]')) return;
    e.preventDefault();
    let parentDoc = null;
    try {
      parentDoc = window.parent.document;
    } catch {
      // another origin: only messages cross
    }
    if (parentDoc) {
      const init = { key: e.key, code: e.code, keyCode: deck[1], which: deck[1], shiftKey: e.shiftKey, bubbles: true, cancelable: true };
      parentDoc.dispatchEvent(new KeyboardEvent('keydown', init));
    } else if (deck[0] !== 'slide') {
      window.parent.postMessage(JSON.stringify({ method: deck[0] }), '*');
    }
  });
}

function postState(h, state) {
  if (!state.embed || window.parent === window) return;
  window.parent.postMessage({ type: 'trainlab:state', view: h.viewId, query: h.query() }, '*');
}

async function main() {
  s = strings(pickLang(new URLSearchParams(location.search).get('lang')));
  $('status').textContent = s.ui.loading;
  $('menu-button').addEventListener('click', () => {
    const open = !document.body.classList.contains('menu-open');
    document.body.classList.toggle('menu-open', open);
    $('menu-button').setAttribute('aria-expanded', String(open));
  });
  // the menu closes with Escape and with a click outside it
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.body.classList.contains('menu-open')) {
      closeMenu();
      $('menu-button').focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (document.body.classList.contains('menu-open') && !e.target.closest('#lab-nav, #menu-button')) closeMenu();
  });
  if (new URLSearchParams(location.search).get('embed') === '1') connectToHost();
  try {
    catalog = await init({ lazy: true });
    await show();
    $('status').hidden = true;
    window.addEventListener('popstate', show);
  } catch (e) {
    $('status').textContent = s.ui.failed + (e?.message ?? String(e));
    $('status').classList.add('error');
    throw e;
  }
}

main();
