// English text of view=scale (seeds 000, 002: using an appropriate scale).
export default {
  title: 'Sampling on the right scale',
  nav: 'Linear vs log scale',
  lead: 'Random search is only as good as the scale it samples on. Compare the same number of random draws on a linear ' +
    'scale and on a log scale, and see why the learning rate and β want a log scale while hidden units and layers do not.',
  notice: [
    'α between 0.0001 and 1, sampled uniformly: about 90% of the draws land in [0.1, 1] and only about 0.09% in ' +
      '[0.0001, 0.001]. You would spend 90% of your budget on one decade. On a log scale (r = a + (b − a)·rand(), α = 10^r) ' +
      'every decade gets about 25%.',
    'Switch an axis between linear and log: the same samples look crowded or even depending on the axis. Bins are equal-width ' +
      'on the axis shown.',
    'β between 0.9 and 0.999: sample 1 − β on a log scale, r between −3 and −1, β = 1 − 10^r. Half the draws then land in ' +
      '[0.99, 0.999], where a small change of β changes the averaging window 1/(1 − β) a lot; uniform sampling puts only 9% there.',
    'Hidden units between 50 and 100, or 2 to 4 layers: here a linear scale is right, every value is about as likely to be good.',
  ],
  params: {
    panel: {
      label: 'Hyperparameter',
      help: 'Which comparison to show.',
      options: { alpha: 'Learning rate α: linear vs log', beta: 'β: linear vs log of 1 − β', integers: 'Hidden units and layers' },
    },
    samples: { label: 'Samples', help: 'Random draws per histogram (at most 100,000).' },
    alpha_low: { label: 'α low', help: 'Lower end of the α range (a log scale needs it above 0).' },
    alpha_high: { label: 'α high', help: 'Upper end of the α range.' },
    beta_low: { label: 'β low', help: 'Lower end of the β range (strictly between 0 and 1).' },
    beta_high: { label: 'β high', help: 'Upper end of the β range (strictly below 1).' },
    units_low: { label: 'Hidden units low', help: 'Fewest hidden units.' },
    units_high: { label: 'Hidden units high', help: 'Most hidden units.' },
    layers_low: { label: 'Layers low', help: 'Fewest layers.' },
    layers_high: { label: 'Layers high', help: 'Most layers.' },
    axis_left: { label: 'Left x axis', help: 'Show the left histogram on a linear or a log axis.', options: { linear: 'Linear', log: 'Log' } },
    axis_right: { label: 'Right x axis', help: 'Show the right histogram on a linear or a log axis.', options: { linear: 'Linear', log: 'Log' } },
    seed: { label: 'Seed', help: 'The random seed; both histograms use the same one.' },
  },
  tables: {
    shares: 'Share of samples per interval, measured and expected',
  },
  code: 'The recipe as code',
};
