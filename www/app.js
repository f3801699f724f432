// The lab page: navigation from the view registry, the address bar as the whole state
// (?view=<id>&<param>=<value>..., embed=1, hide=a,b), and one mounted view at a time.
import { init, mount } from './trainlab.js';
import { strings, pickLang, LANGS } from './text.js';
import { byId as $ } from './dom.js';
let catalog = null;
let handle = null;
let embedOverflow = 0;
let s = strings();

function pageState() {
  const q = new URLSearchParams(location.search);
  return {
    view: q.get('view') ?? catalog.views[0].id,
    embed: q.get('embed') === '1',
    hide: (q.get('hide') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    lang: q.get('lang'),
  };
}

/** The share link of the current state: view, every parameter, and the page flags kept. */
function addressOf(h, state) {
  let q = `?view=${h.viewId}&${h.query()}`;
  if (state.embed) q += '&embed=1';
  if (state.hide.length) q += `&hide=${state.hide.map(encodeURIComponent).join(',')}`;
  if (state.lang) q += `&lang=${encodeURIComponent(state.lang)}`;
  return q;
}

/** Static page words and the language switch. */
function renderChrome() {
  document.documentElement.lang = s === LANGS.ko ? 'ko' : 'en';
  document.querySelector('.skip').textContent = s.ui.skip;
  document.querySelector('.tagline').textContent = s.ui.tagline;
  document.querySelector('.lab-footer p').textContent = s.ui.footer;
  $('nav').parentElement.setAttribute('aria-label', s.ui.views);
  const box = $('lang');
  box.setAttribute('aria-label', s.ui.language);
  box.replaceChildren();
  for (const [code, label] of [['en', 'English'], ['ko', '한국어']]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.lang = code;
    b.textContent = label;
    b.setAttribute('aria-pressed', String(strings(code) === s));
    b.addEventListener('click', () => {
      const q = new URLSearchParams(location.search);
      q.set('lang', code);
      history.replaceState(null, '', `?${q.toString().replace(/%2C/g, ',')}`);
      show();
    });
    box.append(b);
  }
}

function renderNav(active) {
  const nav = $('nav');
  nav.replaceChildren();
  for (const v of catalog.views) {
    const a = document.createElement('a');
    a.href = `?view=${v.id}`;
    a.textContent = s.views[v.id]?.nav ?? v.id;
    if (v.id === active) a.setAttribute('aria-current', 'page');
    a.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.pushState(null, '', a.href);
      show();
      $('main').focus();
    });
    const li = document.createElement('li');
    li.append(a);
    nav.append(li);
  }
}

function renderText(viewId) {
  const t = s.views[viewId] ?? {};
  $('view-title').textContent = t.title ?? viewId;
  $('view-lead').textContent = t.lead ?? '';
  const section = $('view-notice');
  const list = section.querySelector('ul');
  list.replaceChildren();
  for (const para of t.notice ?? []) {
    const li = document.createElement('li');
    li.textContent = para;
    list.append(li);
  }
  $('notice-title').textContent = s.ui.what_to_notice;
  section.hidden = !(t.notice ?? []).length;
  document.title = `${t.title ?? viewId} · trainlab`;
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

function show() {
  const state = pageState();
  s = strings(pickLang(state.lang));
  renderChrome();
  document.body.classList.toggle('embed', state.embed);
  handle?.destroy();
  handle = mount($('view-mount'), state.view, location.search, {
    hide: state.hide,
    lang: state.lang,
    onChange: (h) => history.replaceState(null, '', addressOf(h, state)),
    link: (h) => new URL(addressOf(h, { ...state, embed: false }), location.href).href,
    // embedded: the figure takes the frame's height, less the export bar, the link back and
    // whatever a view adds under its figure (measured below)
    height: state.embed ? () => window.innerHeight - 80 - embedOverflow : undefined,
  });

  renderNav(handle.viewId);
  renderText(handle.viewId);
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

async function main() {
  s = strings(pickLang(new URLSearchParams(location.search).get('lang')));
  $('status').textContent = s.ui.loading;
  try {
    catalog = await init();
    $('status').hidden = true;
    show();
    window.addEventListener('popstate', show);
  } catch (e) {
    $('status').textContent = s.ui.failed + (e?.message ?? String(e));
    $('status').classList.add('error');
    throw e;
  }
}

main();
