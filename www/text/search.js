// English text of view=search (seeds 000, 002: grid vs random, coarse to fine).
export default {
  title: 'Grid vs random search, and coarse to fine',
  nav: 'Grid vs random search',
  lead: 'Two hyperparameters in one box: the learning rate α, which matters, and Adam’s ε, which barely does. ' +
    'The faint colour behind the points is a synthetic dev error (darker is better). The same budget of trials is spent ' +
    'on a grid, at random, and coarse to fine.',
  notice: [
    'Count the marks on the α axis under each panel. A 5 × 5 grid spends 25 trials but tries only 5 values of α, because ' +
      'every row repeats the same five; 25 random points try 25 different values of α. When ε does not matter, the grid ' +
      'has really trained 5 models, not 25.',
    'You rarely know in advance which hyperparameter matters most, so random points are the safer spend: whichever axis ' +
      'turns out to matter, it was explored with every trial.',
    'Turn on the repeated study: both searches run 1,000 times with fresh points. A random trial lands in the best 5% of the ' +
      'box with probability 0.05, so n trials miss it with probability 0.95ⁿ; 25 trials hit it about 72% of the time and ' +
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
    study: { label: 'Repeat the study', help: 'Run grid and random search many times and compare the best error each found.' },
    repeats: { label: 'Repeats', help: 'How many times the study repeats both searches (up to 2,000).' },
    seed: { label: 'Seed', help: 'The random seed; the same seed gives the same points.' },
  },
  tables: {
    strategies: 'Trials, distinct values tried per axis, and the best dev error found',
  },
  repeat: 'Repeat 1,000 times',
  study_summary: (s) => `Over ${s.repeats} repeats of ${s.budget} trials: random search found a lower error than the grid in ` +
    `${Math.round(100 * s.random_wins)}% of them; it reached the top 5% in ${Math.round(100 * s.random_hit_rate)}% ` +
    `(1 − 0.95^${s.budget} = ${Math.round(100 * s.expected_random_hit_rate)}%), the grid in ${Math.round(100 * s.grid_hit_rate)}%.`,
};
