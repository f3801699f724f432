// English text of view=search (seeds 000, 002: grid vs random, coarse to fine). Formulas are TeX;
// the strategies are named in the colour of their points.
const GRID = '$\\textcolor{#0072b2}{\\text{grid}}$';
const RANDOM = '$\\textcolor{#d55e00}{\\text{random}}$';
export default {
  title: 'Grid vs random search, and coarse to fine',
  nav: 'Grid vs random search',
  caption: 'The same budget of trials spent three ways over the learning rate α and Adam’s ε: a grid, random points, and coarse to fine.',
  source: 'Seeds 000, 002 · Bergstra & Bengio 2012',
  lead: 'Two hyperparameters in one box: the learning rate α, which matters, and Adam’s ε, which barely does. ' +
    'The faint colour behind the points is a synthetic dev error (darker is better). The same budget of trials is spent ' +
    'on a grid, at random, and coarse to fine. Hover a point for its values and dev error.',
  steps: [
    { text: `Count the marks under each panel: the $5 \\times 5$ ${GRID} spends 25 trials on only 5 values of α; 25 ${RANDOM} points try 25.`,
      set: 'n=5' },
    { text: `A budget of $10 \\times 10 = 100$ trials: the ${GRID} still tries only 10 values of α, the ${RANDOM} points 100.`,
      set: 'n=10' },
    { text: `Repeat both searches 1,000 times: a ${RANDOM} trial lands in the best 5% of the box with probability 0.05, so 25 of them do with $1 - 0.95^{25} ≈ 72\\%$.`,
      set: 'study=1&repeats=1000' },
    { text: 'Coarse to fine: each round samples, still at random, the box around the best points of the round before; it narrows along α and stays tall along ε.',
      set: 'rounds=5&per_round=20' },
    { text: `When both matter, or the best α depends on ε, the ${GRID} wastes less, but ${RANDOM} still covers each axis with every trial.`,
      set: 'surface=interaction' },
  ],
  notice: [
    'Count the marks on the α axis under each panel. A $5 \\times 5$ grid spends 25 trials but tries only 5 values of α, because ' +
      'every row repeats the same five; 25 random points try 25 different values of α. When ε does not matter, the grid ' +
      'has really trained 5 models, not 25.',
    'You rarely know in advance which hyperparameter matters most, so random points are the safer spend: whichever axis ' +
      'turns out to matter, it was explored with every trial.',
    'Turn on the repeated study: both searches run 1,000 times with fresh points. A random trial lands in the best 5% of the ' +
      'box with probability 0.05, so $n$ trials miss it with probability $0.95^{n}$; 25 trials hit it about 72% of the time and ' +
      '60 trials about 95%. The grid hits less often when only α matters.',
    'Coarse to fine: the first round samples the whole box, the next round samples, still at random, only the box around ' +
      'the best few points of the round before. Each round has its own colour. On the one-matters surface the box shrinks ' +
      'along α but stays tall along ε: the data tell you ε does not matter.',
  ],
  params: {
    surface: {
      label: 'Dev-error surface',
      help: 'Which hyperparameters matter in the synthetic dev error.',
      options: { one_matters: 'Only α matters', both_matter: 'Both matter', interaction: 'Interaction (best α depends on ε)' },
    },
    n: { label: 'Grid side n', help: 'An n × n grid against n² random points (same budget).' },
    alpha_low: { label: 'α low', help: 'Lower end of the learning-rate range (log axis, must be above 0).' },
    alpha_high: { label: 'α high', help: 'Upper end of the learning-rate range.' },
    eps_low: { label: 'ε low', help: 'Lower end of Adam’s ε range (log axis).' },
    eps_high: { label: 'ε high', help: 'Upper end of Adam’s ε range.' },
    rounds: { label: 'Coarse-to-fine rounds', help: 'How many times to zoom in.' },
    per_round: { label: 'Points per round', help: 'Random points sampled in each round’s box.' },
    keep: { label: 'Best points kept', help: 'The next box is drawn around this many best points of the round.' },
    study: { label: 'Repeat the study', help: 'Run grid and random search many times and compare the best error each found (the “Repeat 1,000 times” button).' },
    repeats: { label: 'Repeats', help: 'How many times the study repeats both searches (up to 2,000).' },
    seed: { label: 'Seed', help: 'The random seed; the same seed gives the same points.' },
  },
  tables: {
    strategies: 'Trials, distinct values tried per axis, and the best dev error found',
  },
  columns: {
    strategy: 'Strategy', trials: 'Trials', distinct_alpha: 'Distinct α values', distinct_epsilon: 'Distinct ε values',
    best_error: 'Best dev error',
  },
  rows: {
    grid: (n) => `Grid ${n} × ${n}`,
    random: (n) => `Random, ${n} points`,
    round: (i) => `Coarse to fine, round ${i}`,
  },
  repeat: 'Repeat 1,000 times',
  study_summary: (s) => `Over ${s.repeats} repeats of ${s.budget} trials: random search found a lower error than the grid in ` +
    `${Math.round(100 * s.random_wins)}% of them; it reached the top 5% in ${Math.round(100 * s.random_hit_rate)}% ` +
    `(1 − 0.95^${s.budget} = ${Math.round(100 * s.expected_random_hit_rate)}%), the grid in ${Math.round(100 * s.grid_hit_rate)}%.`,
  readout: (o, f) => `${{ grid: 'Grid', random: 'Random', coarse_to_fine: `Coarse to fine, round ${o.round}` }[o.strategy]}: ` +
    `α = ${f(o.alpha)}, ε = ${f(o.epsilon)}, dev error ${f(o.error)}`,
};
