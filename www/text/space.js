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
  lead: 'List the hyperparameters to tune with a range and a scale, look at the samples they give, and take the same space ' +
    'to a tuning engine: Optuna, Ray Tune, scikit-learn or Keras Tuner.',
  notice: [
    'Every engine has its own word for “log scale”: Optuna suggest_float(..., log=True), Ray Tune tune.loguniform, ' +
      'scikit-learn scipy.stats.loguniform in RandomizedSearchCV, Keras Tuner hp.Float(..., sampling="log").',
    'No engine samples “1 − x on a log scale” directly, so the export samples one_minus_β log-uniformly and sets β = 1 − one_minus_β. ' +
      'Keras Tuner’s sampling="reverse_log" is a different rule: it mirrors a log scale inside [min, max], which for [0.9, 0.999] is almost uniform.',
    'Integer ranges are inclusive here; Ray Tune’s randint and scipy’s randint exclude the upper end, so the export adds one.',
    'A bad row (a log scale that starts at 0 or below, 1 − x outside (0, 1), low above high) gets a notice and the previous space stays.',
  ],
  params,
  tables: {
    samples: 'The first samples drawn from the space',
  },
  code: { optuna: 'Optuna', ray_tune: 'Ray Tune', sklearn: 'scikit-learn', keras_tuner: 'Keras Tuner', title: 'Export the space as code', download_study: (name, file) => `Download the ${name} study (${file})` },
};
