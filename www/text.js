// Every user-visible word of the lab, by key. English now; a second language is a second table
// with the same keys (a test checks that every view and parameter in the catalogue has text).

export const EN = {
  ui: {
    title: 'trainlab',
    tagline: 'A lab for the craft of training neural networks',
    views: 'Views',
    controls: 'Controls',
    copy_link: 'Copy link',
    link_copied: 'Link copied',
    link_ready: 'Link (copy it from here):',
    download_svg: 'SVG',
    download_png: 'PNG',
    download_csv: 'CSV',
    download_json: 'JSON',
    downloads: 'Download',
    add: 'Add',
    remove: 'Remove',
    new_seed: 'New seed',
    open_full: 'Open in trainlab',
    what_to_notice: 'What to notice',
    figure: 'Figure',
    loading: 'Loading…',
    failed: 'trainlab could not start: ',
    dismiss: 'Dismiss',
  },
  notice: {
    unknown_param: (n) => `“${n.param}” is not a setting of this view; ignored (${n.detail}).`,
    unknown_view: (n) => `There is no view “${n.given}”; showing “${n.used}” instead.`,
    unknown_hide: (n) => `hide: “${n.given}” is not a setting of this view; ignored.`,
    malformed: (n) => `${n.param}: “${n.given}” is not valid (${n.detail})${n.used ? `; using ${n.used}` : ''}.`,
    out_of_range: (n) => `${n.param}: ${n.given} is out of range (${n.detail}); using ${n.used}.`,
    not_whole: (n) => `${n.param}: ${n.given} is not a whole number; using ${n.used}.`,
    too_many_items: (n) => `${n.param}: too many values (${n.detail}); using ${n.used}.`,
    too_few_items: (n) => `${n.param}: needs ${n.detail}; keeping ${n.used}.`,
    query_too_long: (n) => `The address is too long: ${n.detail}.`,
    inconsistent: (n) => `${n.param}: ${n.detail}. The previous figure is kept.`,
  },
  views: {
    ewma: {
      title: 'Exponentially weighted averages',
      nav: 'EWMA & bias correction',
      lead: 'An exponentially weighted average keeps a single number, V_t = β·V_{t−1} + (1−β)·θ_t with V_0 = 0, ' +
        'and so averages roughly the last 1/(1−β) values. Momentum, RMSprop, Adam and batch norm all use it.',
      notice: [
        'β = 0.98 averages about 50 days: the curve is smooth but late, turning weeks after the season turns. ' +
          'β = 0.5 averages about 2 days and follows every noisy day. β = 0.9 (about 10 days) sits between.',
        'With bias correction off, every curve starts near 0, because V_0 = 0: the first values are about (1−β)·θ, ' +
          'far too low, and the larger β, the longer the climb. Turn it on: V_t/(1−β^t) starts right at the data, ' +
          'and the correction fades as β^t goes to 0.',
        'The table is the worked example of the course notes: θ = 40, 42, 44, 46, 48 with β = 0.9 gives V_1 = 4, ' +
          'but V_1/(1−0.9) = 40. Edit β to see every column change.',
        'Why β near 1 needs care: 0.999 → 0.9995 doubles the window (1000 → 2000 days), 0.9 → 0.9005 changes nothing. ' +
          'That is why β is tuned on a log scale of 1−β.',
      ],
      params: {
        beta: { label: 'β (one line each)', help: 'Weight of the past, between 0 and 1. The window is about 1/(1−β) days.' },
        bias_correction: { label: 'Bias correction', help: 'Show V_t/(1−β^t) (solid) and the uncorrected V_t (dashed).' },
        days: { label: 'Days', help: 'Length of the temperature series.' },
        noise: { label: 'Noise (°F)', help: 'Standard deviation of the day-to-day noise.' },
        seed: { label: 'Seed', help: 'The random seed of the noise; the same seed gives the same series.' },
      },
      tables: {
        worked_example: 'Worked example (seed 001): V_t and the bias-corrected V_t/(1−β^t)',
      },
      window: (w) => `≈ ${w >= 10 ? Math.round(w) : w.toFixed(1)} days`,
    },
  },
};

/** The text table for a language code (only English so far). */
export function strings(_lang) {
  return EN;
}

/** A notice object from the wasm core, as one sentence. */
export function formatNotice(n, s = EN) {
  const f = s.notice[n.problem];
  return f ? f(n) : `${n.param}: ${n.detail || n.problem}`;
}
