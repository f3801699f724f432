// The complete studies a view exports (data().code: one Python file per engine, with the file
// names in code.files) as downloads, and, for view=tuning, a results CSV brought back: a file
// picker and a drop on the figure hand the file's text to the view (handle.command('results')),
// which draws it in its own figures or, for a malformed file, shows a notice naming the line and
// keeps what it showed. "Show the search again" clears it (handle.command('clear_results')).
import { el, button } from '../dom.js';
import { saveText } from '../exports.js';

/** The engines whose studies can be downloaded, in the order shown. */
const ENGINES = [['optuna', 'Optuna'], ['ray_tune', 'Ray Tune']];
/** The largest results file read (the core's cap, results::MAX_BYTES). */
const MAX_RESULTS_BYTES = 16 << 20;

/**
 * A bar of download buttons for the studies in `code()` (refresh() after the code changes).
 * Returns { bar, refresh() }.
 */
export function studyDownloads(code, t) {
  const bar = el('div', { class: 'tl-exports tl-study-files' });
  const buttons = ENGINES.map(([engine, name]) => {
    const b = button('tl-button', '', () => {
      const c = code() ?? {};
      if (c[engine] && c.files?.[engine]) saveText(c[engine], c.files[engine], 'text/x-python');
    });
    b.dataset.download = engine;
    bar.append(b);
    return [engine, name, b];
  });
  function refresh() {
    const c = code() ?? {};
    bar.hidden = !c.files;
    for (const [engine, name, b] of buttons) {
      const file = c.files?.[engine] ?? '';
      b.textContent = t.download_study ? t.download_study(name, file) : `${name} study (${file})`;
      b.hidden = !file;
    }
  }
  refresh();
  return { bar, refresh };
}

/**
 * The results loader of view=tuning: a file picker, a drop on `dropTarget`, a line saying what
 * was loaded and a button back to the search; `format` is the page's number formatter. Returns
 * { bar, refresh(), destroy() }.
 */
export function resultsLoader(handle, dropTarget, t, format = String) {
  const input = el('input', { type: 'file', accept: '.csv,text/csv', hidden: true });
  input.dataset.action = 'results';
  const pick = button('tl-button', t.load_results ?? 'Load results (CSV)', () => input.click());
  const clear = button('tl-button', t.show_search ?? 'Show the search again', () => {
    handle.command('clear_results');
    refresh();
  });
  clear.dataset.action = 'clear-results';
  const status = el('span', { class: 'tl-export-status', role: 'status' });
  const bar = el('div', { class: 'tl-exports tl-results' }, pick, input, clear, status);

  async function load(file) {
    if (!file) return;
    if (file.size > MAX_RESULTS_BYTES) {
      status.textContent = t.results_too_large ?? 'That file is larger than 16 MiB.';
      return;
    }
    handle.command('results', await file.text());
    refresh();
  }

  function refresh() {
    const imported = handle.command('status')?.imported;
    clear.hidden = !imported;
    status.textContent = imported
      ? (t.results_loaded ? t.results_loaded(imported, format) : '')
      : (t.drop_hint ?? '');
  }

  const onChange = () => { load(input.files?.[0]); input.value = ''; };
  const onOver = (e) => { e.preventDefault(); dropTarget.classList.add('tl-drop'); };
  const onLeave = () => dropTarget.classList.remove('tl-drop');
  const onDrop = (e) => {
    e.preventDefault();
    dropTarget.classList.remove('tl-drop');
    load(e.dataTransfer?.files?.[0]);
  };
  input.addEventListener('change', onChange);
  dropTarget.addEventListener('dragover', onOver);
  dropTarget.addEventListener('dragleave', onLeave);
  dropTarget.addEventListener('drop', onDrop);
  refresh();
  return {
    bar,
    refresh,
    destroy() {
      input.removeEventListener('change', onChange);
      dropTarget.removeEventListener('dragover', onOver);
      dropTarget.removeEventListener('dragleave', onLeave);
      dropTarget.removeEventListener('drop', onDrop);
      bar.remove();
    },
  };
}
