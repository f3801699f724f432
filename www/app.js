// The lab page: navigation from the view registry, the address bar as the whole state
// (?view=<id>&<param>=<value>..., embed=1, hide=a,b), and one mounted view at a time.
import { init, mount } from './trainlab.js';
import { strings } from './text.js';

const $ = (id) => document.getElementById(id);
let catalog = null;
let handle = null;
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

function show() {
  const state = pageState();
  document.body.classList.toggle('embed', state.embed);
  handle?.destroy();
  handle = mount($('view-mount'), state.view, location.search, {
    hide: state.hide,
    lang: state.lang,
    onChange: (h) => history.replaceState(null, '', addressOf(h, state)),
    link: (h) => new URL(addressOf(h, { ...state, embed: false }), location.href).href,
  });
  renderNav(handle.viewId);
  renderText(handle.viewId);
  const back = $('embed-link');
  back.hidden = !state.embed;
  back.querySelector('a').href = addressOf(handle, { ...state, embed: false });
  back.querySelector('a').textContent = s.ui.open_full;
  window.trainlab = { handle, catalog };
  document.documentElement.dataset.ready = handle.viewId;
}

async function main() {
  try {
    catalog = await init();
    s = strings(new URLSearchParams(location.search).get('lang'));
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
