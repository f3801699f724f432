// English text of view=minibatch (seed 001: mini-batch gradient descent: batch, mini-batch and
// stochastic; epochs; the noisy cost per iteration; the 64..512 guidance).
export default {
  title: 'Batch, mini-batch and stochastic gradient descent',
  nav: 'Mini-batch gradient descent',
  caption: 'One least-squares regression trained three ways from the same start at the same learning rate: on all $m$ examples per update, on mini-batches, on single examples. Their paths, the training cost per epoch, and each iteration’s batch cost.',
  source: 'Seed 001 (mini-batch gradient descent)',
  lead: 'Batch gradient descent computes the gradient on all $m$ training examples before each step. Mini-batch gradient descent shuffles the examples each epoch, cuts them into batches $X^{\\{1\\}}, X^{\\{2\\}}, \\dots$ ' +
    'and steps after each one, $w := w - \\alpha \\nabla J^{\\{t\\}}$ with $J^{\\{t\\}} = \\frac{1}{2|X^{\\{t\\}}|}\\sum_{i \\in X^{\\{t\\}}} (\\hat y^{(i)} - y^{(i)})^2$; ' +
    'an epoch is one pass, $\\lceil m / \\text{batch} \\rceil$ iterations. Stochastic gradient descent is the batch of one. Drag on the contour plot to move the start.',
  steps: [
    { text: 'Read the table: to reach the target the three need about the same number of iterations (68, 77, and batch descent none in 10 epochs), but mini-batches of 64 see 4,256 examples and single examples only 77. An iteration on a mini-batch costs a fraction of one on all $m$.', set: '' },
    { text: 'Give batch descent 100 epochs: it reaches the target after 67 iterations, which are 67 epochs and 67,000 examples. Each of its steps is exact, and each needs the whole training set.', set: 'epochs=100' },
    { text: 'The price of small batches is noise: each strip is one iteration’s batch cost $J^{\\{t\\}}$, smooth for the full batch, scattered for 64, wild for single examples; the paths wander around the minimum instead of settling. Try batch 8.', set: 'batch=8' },
    { text: 'The notes’ guidance: powers of two from $2^6 = 64$ to $2^9 = 512$ for a large training set (and plain batch descent for $m \\le 2000$). With 512 there are only 2 iterations per epoch: smooth, but slow per epoch here.', set: 'batch=512' },
    { text: 'Iterations per epoch are $\\lceil m / \\text{batch} \\rceil$: with 1,000 examples and batches of 300 there are 4, the last one of 100 examples.', set: 'batch=300' },
    { text: 'A larger rate, $\\alpha = 0.5$: batch and mini-batch descent get there faster, but single examples overshoot: one example’s step is $\\alpha\\lVert x\\rVert^2$ long, and the stochastic path jumps far from the minimum.', set: 'lr=0.5' },
  ],
  notice: [
    'Why mini-batches win on a large training set: an update from 64 examples points almost the same way as one from all of them, and costs 64 examples’ work instead of $m$. Batch descent’s updates are exact but rare; stochastic descent’s are frequent but so noisy that it never settles and loses the speed-up of computing many examples at once.',
    'Noise is measured here: the root mean square of $J^{\\{t\\}} - J(w_t)$, how far each batch’s cost is from the cost of all the data at the same weights (0 for the full batch), and the mean distance from the minimum over the last epoch.',
  ],
  params: {
    batch: { label: 'Mini-batch size', help: 'Examples per update of the mini-batch run (1 to m); the other two runs use m and 1.' },
    lr: { label: 'Learning rate α', help: 'The same for all three runs.' },
    epochs: { label: 'Epochs', help: 'Passes over the data (at most 1,000, and at most 100,000 stochastic iterations: epochs × m).' },
    examples: { label: 'Training examples m', help: 'Rows of the training set (at most 20,000).' },
    target: { label: 'Target', help: 'The target cost, as a share of the start’s height above the minimum: J(w) − J* ≤ target × (J(w₀) − J*).' },
    rho: { label: 'Correlation ρ', help: 'Correlation of the two features: the larger, the longer the bowl.' },
    noise: { label: 'Target noise', help: 'Standard deviation of the noise in y = 2x₁ + x₂ + noise.' },
    w1: { label: 'Start w₁', help: 'Or drag on the contour plot.' },
    w2: { label: 'Start w₂', help: 'Or drag on the contour plot.' },
    seed: { label: 'Seed', help: 'The seed of the data and of each run’s shuffles.' },
  },
  tables: {
    methods: 'Time to the target cost in iterations, epochs and examples seen, and how noisy each run is',
  },
  columns: {
    method: 'Method',
    batch: 'Batch size',
    per_epoch: 'Iterations per epoch',
    iterations: 'Iterations run',
    to_target_iterations: 'To target: iterations',
    to_target_epochs: 'To target: epochs',
    to_target_examples: 'To target: examples seen',
    final_cost: 'Final train cost',
    spread: 'Batch-cost noise (RMS)',
    wander: 'Distance to w* (last epoch)',
  },
  rows: {
    batch: 'batch',
    mini_batch: 'mini-batch',
    stochastic: 'stochastic',
  },
  ui: {
    moved: (a, b) => `Start moved to (${a}, ${b}).`,
  },
};
