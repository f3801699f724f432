// English text of view=scale (seeds 000, 002: using an appropriate scale). Formulas are TeX; the
// two sides are named in the colour of their bars (left blue, right vermillion).
const LEFT = '$\\textcolor{#0072b2}{\\text{left}}$';
const RIGHT = '$\\textcolor{#d55e00}{\\text{right}}$';
const SIDES = {
  alpha_linear: 'α, linear', alpha_log: 'α, log scale', beta_linear: 'β, linear', beta_one_minus_log: 'β, log of 1 − β',
  hidden_units: 'hidden units', layers: 'layers',
};
export default {
  title: 'Sampling on the right scale',
  nav: 'Linear vs log scale',
  caption: 'The same random draws on a linear and on a log scale, as histograms, with the share of them in each decade.',
  source: 'Seeds 000, 002 · notes: using an appropriate scale',
  lead: 'Random search is only as good as the scale it samples on. Compare the same number of random draws on a linear ' +
    'scale and on a log scale, and see why the learning rate and β want a log scale while hidden units and layers do not. ' +
    'Hover a bar for its count.',
  steps: [
    { text: `α between $10^{-4}$ and 1 drawn uniformly (${LEFT}): about 90% of the draws land in [0.1, 1]. On a log scale (${RIGHT}), $α = 10^{r}, r \\sim U(-4, 0)$, every decade gets 25%.`,
      set: 'panel=alpha' },
    { text: 'Both histograms on a linear axis: the log-scale draws now pile up near 0, the uniform ones spread evenly. The bins are equal on the axis shown.',
      set: 'axis_left=linear&axis_right=linear' },
    { text: `β between 0.9 and 0.999: draw $1 - β$ on a log scale (${RIGHT}), $β = 1 - 10^{r}, r \\sim U(-3, -1)$. Half the draws land in [0.99, 0.999], where the window $1/(1-β)$ changes most.`,
      set: 'panel=beta' },
    { text: 'A hundred times more samples smooth the bars; the shares per decade stay where they were.',
      set: 'samples=100000' },
    { text: 'Hidden units and layers are whole numbers on a linear scale, one bar each: every value about as likely to be good.',
      set: 'panel=integers' },
  ],
  notice: [
    'α between 0.0001 and 1, sampled uniformly: about 90% of the draws land in [0.1, 1] and only about 0.09% in ' +
      '[0.0001, 0.001]. You would spend 90% of your budget on one decade. On a log scale ($r = a + (b - a) \\cdot \\mathrm{rand}()$, $α = 10^{r}$) ' +
      'every decade gets about 25%.',
    'Switch an axis between linear and log: the same samples look crowded or even depending on the axis. Bins are equal-width ' +
      'on the axis shown.',
    'β between 0.9 and 0.999: sample $1 - β$ on a log scale, $r$ between $-3$ and $-1$, $β = 1 - 10^{r}$. Half the draws then land in ' +
      '[0.99, 0.999], where a small change of β changes the averaging window $1/(1 - β)$ a lot; uniform sampling puts only 9% there.',
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
  columns: {
    interval: 'Interval [low, high)',
    layers: 'Layers',
    share: (side) => `Share of samples, ${SIDES[side] ?? side}`,
    expected: (side) => `Expected share, ${SIDES[side] ?? side}`,
  },
  rows: {
    layers: (k) => `${k} layers`,
  },
  code: 'The recipe as code',
  readout: (o, f) => `${o.whole ? `${Math.round((o.low + o.high) / 2)}` : `[${f(o.low)}, ${f(o.high)})`}: ` +
    `${o.count} of ${o.samples} samples`,
};
