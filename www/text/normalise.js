// English text of view=normalise (seed 001: normalising inputs: zero-centring the mean and
// normalising the variance, with the training set's μ and σ applied to the test set too).
const lrMax = 'The largest rate that converges is $2/\\lambda_{\\max}$ of each bowl’s Hessian (the figure and the table give it).';
export default {
  title: 'Normalising inputs',
  nav: 'Normalising inputs',
  caption: 'The same linear regression on two features of very different scales, raw and standardised: its cost over $(w_1, w_2)$ with gradient descent from the same start at the same learning rate, the cost per step, and the data.',
  source: 'Seed 001 (Normalizing inputs)',
  lead: 'A linear regression $\\hat y = w_1 x_1 + w_2 x_2 + b$ on two features whose scales differ (here $x_1$ spreads 8 times wider than $x_2$, and both sit far from 0). ' +
    'Normalising uses the training set’s mean and variance, $\\mu = \\frac{1}{m}\\sum_{i=1}^{m} x^{(i)}$ and $\\sigma^2 = \\frac{1}{m}\\sum_{i=1}^{m} (x^{(i)} - \\mu)^2$, ' +
    'per feature, and replaces each input by $x := (x - \\mu)/\\sigma$ (the notes write $x/\\sigma^2$; dividing by the standard deviation $\\sigma$ is what gives variance 1). ' +
    'The test set gets the same $\\mu$ and $\\sigma$, the training ones. The bias is held at its best value in each space, so each cost is a bowl over $(w_1, w_2)$ alone. ' +
    'Drag on either contour plot to move the start of both paths.',
  steps: [
    { text: 'The same learning rate $\\alpha = 0.06$ in both spaces: on the raw features the path zig-zags across a narrow valley and is still far from the minimum after 100 steps; standardised, the bowl is nearly round and the path walks straight in.', set: '' },
    { text: 'Raise the rate to $\\alpha = 0.1$: it is above the raw bowl’s $2/\\lambda_{\\max} \\approx 0.071$, so that path diverges, while the standardised one (whose limit is about 1.8) only gets faster.', set: 'lr=0.1' },
    { text: 'Take $\\alpha = 1.5$ on the standardised features: a few steps reach the minimum. Along each eigenvector of the Hessian the error is multiplied by $1 - \\alpha\\lambda_i$ per step, so gradient descent converges exactly when $\\alpha < 2/\\lambda_{\\max}$.', set: 'lr=1.5&steps=30' },
    { text: 'Zero-centring alone, $x - \\mu$: the means no longer pull the bowl sideways, but the scales still stretch it (condition number about 80). Then try variance alone, $x/\\sigma$ (transform “scale”): the means still tilt it. The notes do both.', set: 'transform=centre' },
    { text: 'Move feature 1’s mean to 50: the raw bowl’s condition number passes 40,000 and its largest stable rate falls to about $8 \\times 10^{-4}$; at that rate the standardised path barely moves. After standardising nothing changed.', set: 'mean1=50&lr=0.0008&steps=300' },
    { text: 'Correlated features, $\\rho = 0.9$: even standardised, the bowl is long, because its Hessian is the correlation matrix with eigenvalues $1 \\pm r$ and condition number $\\frac{1+|r|}{1-|r|}$. Normalising fixes the scales, not the correlation.', set: 'rho=0.9' },
  ],
  notice: [
    'Why normalising speeds learning up: gradient descent’s step is limited by the steepest direction of the cost ($\\alpha < 2/\\lambda_{\\max}$), and at that step the flattest direction shrinks only by $1 - \\alpha\\lambda_{\\min}$ per step. ' +
      'The ratio $\\kappa = \\lambda_{\\max}/\\lambda_{\\min}$ is how many times slower the flat direction is; raw features of different scales and non-zero means make it large, standardised ones make it close to 1.',
    'Always transform the test set with the training μ and σ: its own statistics would describe a different map, so the model trained on one scale would be tested on another. The table shows the test set’s means and deviations after the transform: near 0 and 1, not exactly.',
  ],
  params: {
    transform: {
      label: 'Transform',
      help: 'What the second space does to each feature with the training statistics.',
      options: { standardise: 'standardise (x − μ)/σ', centre: 'centre only, x − μ', scale: 'scale only, x/σ' },
    },
    lr: { label: 'Learning rate α', help: 'The same for both paths. ' + lrMax },
    steps: { label: 'Steps', help: 'Gradient-descent steps of both paths (at most 10,000).' },
    sd1: { label: 'Feature 1 spread σ₁', help: 'Standard deviation of x₁ (feature 2’s is σ₂). The raw bowl stretches as the two differ.' },
    sd2: { label: 'Feature 2 spread σ₂', help: 'Standard deviation of x₂.' },
    mean1: { label: 'Feature 1 mean μ₁', help: 'Mean of x₁; a mean far from 0 tilts and stretches the raw bowl too.' },
    mean2: { label: 'Feature 2 mean μ₂', help: 'Mean of x₂.' },
    rho: { label: 'Correlation ρ', help: 'Correlation of the two features (normalising does not remove it).' },
    noise: { label: 'Target noise', help: 'Standard deviation of the noise added to y = 10 + 2z₁ + z₂.' },
    train: { label: 'Training rows m', help: 'Rows μ, σ and the fit are computed from (at least 3).' },
    test: { label: 'Test rows', help: 'Rows transformed with the training μ and σ.' },
    w1: { label: 'Start w₁', help: 'Or drag on a contour plot.' },
    w2: { label: 'Start w₂', help: 'Or drag on a contour plot.' },
    seed: { label: 'Seed', help: 'The seed of the data.' },
  },
  tables: {
    bowls: 'The two cost bowls: curvatures, condition number and the largest learning rate that converges',
    statistics: 'The training statistics, applied to the test set',
  },
  columns: {
    space: 'Features',
    lambda_max: 'λmax',
    lambda_min: 'λmin',
    condition: 'Condition number κ',
    lr_max: 'Largest stable α = 2/λmax',
    final_cost: 'Train cost at the end',
    steps_to: 'Steps to 0.1% of the start',
    test_cost: 'Test cost at the end',
    feature: 'Feature',
    train_mean: 'Train μ',
    train_sd: 'Train σ',
    test_mean: 'Test mean, raw',
    test_sd: 'Test σ, raw',
    test_mean_after: 'Test mean, transformed',
    test_sd_after: 'Test σ, transformed',
  },
  rows: {
    raw: 'raw',
    standardise: 'standardised',
    centre: 'centred',
    scale: 'scaled',
    x1: 'x₁',
    x2: 'x₂',
  },
  ui: {
    moved: (a, b) => `Start moved to (${a}, ${b}).`,
  },
};
