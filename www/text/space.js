// English text of view=space (search-space designer and export to tuning engines).
const scales = { linear: 'Linear', log: 'Log', log_one_minus: 'Log of 1 − x', integer: 'Integer', choice: 'Choice' };
const params = {
  samples: { label: 'Samples', help: 'Random draws of the whole space (at most 10,000).' },
  seed: { label: 'Seed', help: 'The random seed; the same seed gives the same samples.' },
};
for (const k of [1, 2, 3, 4]) {
  params[`hp${k}`] = { label: `Hyperparameter ${k}`, help: 'Its name in the exported code (“none” leaves the row empty).', options: { none: '(none)' } };
  params[`scale${k}`] = { label: `Scale ${k}`, help: 'How values are spread over the range.', options: scales };
  params[`range${k}`] = { label: `Range ${k} (low, high)`, help: 'Low and high ends (ignored for a choice).' };
}
export default {
  title: 'Search-space designer',
  nav: 'Search space → code',
  caption: 'A search space as you would hand it to a tuning engine: each hyperparameter’s samples on its own scale, and the same space as code.',
  source: 'Seeds 000, 002 · Optuna, Ray Tune, scikit-learn, Keras Tuner',
  lead: 'List the hyperparameters to tune with a range and a scale, look at the samples they give, and take the same space ' +
    'to a tuning engine: Optuna, Ray Tune, scikit-learn or Keras Tuner. Hover a bar for its count.',
  steps: [
    { text: 'The learning rate on a log scale, $α = 10^{r}, r \\sim U(-4, 0)$: each decade of $[10^{-4}, 1]$ gets a quarter of the samples.',
      set: 'scale1=log' },
    { text: 'The same range on a linear scale: nine samples in ten fall in the top decade. Read how each engine writes the change.',
      set: 'scale1=linear' },
    { text: 'β on a log scale of $1 - β$: $β = 1 - 10^{r}, r \\sim U(-3, -1)$. No engine has that scale, so the code samples one_minus_beta log-uniformly.',
      set: 'hp1=none&hp3=none&hp4=none' },
    { text: 'A weight decay from $10^{-6}$ to $10^{-2}$: another log scale, four decades with a quarter each.',
      set: 'hp1=weight_decay&scale1=log&range1=1e-6,1e-2' },
    { text: 'Ten thousand samples smooth the histograms, and the exported searches run as many trials.',
      set: 'samples=10000' },
  ],
  notice: [
    'Every engine has its own word for “log scale”: Optuna suggest_float(..., log=True), Ray Tune tune.loguniform, ' +
      'scikit-learn scipy.stats.loguniform in RandomizedSearchCV, Keras Tuner hp.Float(..., sampling="log").',
    'No engine samples “$1 - x$ on a log scale” directly, so the export samples one_minus_β log-uniformly and sets $β = 1 - \\text{one\\_minus\\_}β$. ' +
      'Keras Tuner’s sampling="reverse_log" is a different rule: it mirrors a log scale inside [min, max], which for [0.9, 0.999] is almost uniform.',
    'Integer ranges are inclusive here; Ray Tune’s randint and scipy’s randint exclude the upper end, so the export adds one.',
    'A bad row (a log scale that starts at 0 or below, $1 - x$ outside $(0, 1)$, low above high) gets a notice and the previous space stays.',
  ],
  params,
  tables: {
    samples: 'The first samples drawn from the space',
  },
  columns: { sample: 'Sample' },
  code: { optuna: 'Optuna', ray_tune: 'Ray Tune', sklearn: 'scikit-learn', keras_tuner: 'Keras Tuner', title: 'Export the space as code' },
  readout: (o, f) => `${o.name} ${o.option ?? (o.whole ? Math.round((o.low + o.high) / 2) : `[${f(o.low)}, ${f(o.high)})`)}: ` +
    `${o.count} of ${o.samples} samples`,
};
