// trainlab views as Jupyter widgets: the anywidget front-end contract over www/trainlab.js.
// Works wherever anywidget does (JupyterLab, Notebook 7, VS Code, Colab, marimo).
//
// The model's traits (set by trainlab_widget.py's TrainlabView):
//   view               the view's id ("ewma")
//   _params            { parameter name: trait name } for the parameters the notebook gave; each of
//                      those parameters is a trait of its own (beta=0.98 -> trait "beta"), kept in
//                      step both ways; a name the widget itself uses ("layout") gets a trailing "_"
//   lang, hide, controls, exports   as the <trainlab-view> attributes
//   src                where trainlab is served (a folder holding www/ and pkg/), absolute or
//                      relative to the notebook page; empty: next to this module when it is
//                      loaded by URL (../../)
//   query              written here: the view's whole state as a query string (read it to save)
const HERE = import.meta.url;
const OPTIONS = ['view', 'lang', 'hide', 'controls', 'exports', 'src'];

function labUrl(src) {
  if (src) return withXsrf(new URL('www/trainlab.js', new URL(src, location.href)));
  if (/^https?:/.test(HERE)) return new URL('../../www/trainlab.js', HERE).href;
  throw new Error('trainlab: the widget needs src, the address trainlab is served from');
}

// A Jupyter server answers GET /files/... only with a same-origin Referer or its _xsrf token.
// anywidget imports this module from a blob: URL, whose imports send no Referer, so the first
// import carries the page's token; the lab's own imports after it send a same-origin Referer.
function withXsrf(url) {
  const token = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]+)/)?.[1];
  if (token && url.origin === location.origin) url.searchParams.set('_xsrf', decodeURIComponent(token));
  return url.href;
}

// A parameter's value as the notebook wrote it: one-element lists as the scalar, flags as 0/1.
function plain(v) {
  if (Array.isArray(v) && v.length === 1) return plain(v[0]);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
const same = (a, b) => JSON.stringify(plain(a)) === JSON.stringify(plain(b));

export default {
  async render({ model, el }) {
    const lab = await import(labUrl(model.get('src')));
    await lab.init();
    let handle = null;
    let listeners = [];
    const listen = (event, fn) => { model.on(event, fn); listeners.push([event, fn]); };

    function mountView() {
      handle?.destroy();
      for (const [event, fn] of listeners) model.off(event, fn);
      listeners = [];
      const traits = model.get('_params') ?? {};
      const params = {};
      for (const [name, trait] of Object.entries(traits)) params[name] = model.get(trait);
      handle = lab.mount(el, model.get('view'), params, {
        lang: model.get('lang') || undefined,
        hide: model.get('hide') ?? [],
        controls: model.get('controls') !== false,
        exports: model.get('exports') !== false,
        // the view changed (a control, a click, a step): write the given parameters and the
        // whole state back to the model
        onChange(h) {
          const now = h.params();
          let changed = false;
          for (const [name, trait] of Object.entries(traits)) {
            if (name in now && !same(model.get(trait), now[name])) {
              const given = model.get(trait);
              let value = Array.isArray(given) ? [now[name]].flat() : plain(now[name]);
              if (typeof given === 'boolean') value = Boolean(value);
              model.set(trait, value);
              changed = true;
            }
          }
          const query = h.query();
          if (model.get('query') !== query) { model.set('query', query); changed = true; }
          if (changed) model.save_changes();
        },
      });
      el.trainlabHandle = handle;
      el.dataset.trainlabWidget = handle.viewId;
      // the notebook changed a parameter: the view follows
      for (const [name, trait] of Object.entries(traits)) {
        listen(`change:${trait}`, () => {
          const v = model.get(trait);
          if (!same(v, handle.params()[name])) handle.set({ [name]: v });
        });
      }
    }

    mountView();
    for (const name of OPTIONS.filter((n) => n !== 'src')) model.on(`change:${name}`, mountView);
    model.on('change:_params', mountView);
    return () => {
      for (const name of OPTIONS.filter((n) => n !== 'src')) model.off(`change:${name}`, mountView);
      model.off('change:_params', mountView);
      for (const [event, fn] of listeners) model.off(event, fn);
      handle?.destroy();
      delete el.trainlabHandle;
    };
  },
};
