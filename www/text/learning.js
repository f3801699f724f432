// English text of view=learning (seed 004: DLFS chapter 6, optimizer_compare_mnist and
// weight_init_compare, on the 8×8 digits).
export default {
  title: 'Learning curves: optimizers, initialisations, augmentation',
  nav: 'Learning curves',
  caption: 'The loss of every mini-batch (thin) and its smoothed curve (thick), for each run; the dashed line is ln 10, a network that guesses. The augmentation panel shows accuracy per epoch instead: train solid, dev dashed.',
  source: 'Seed 004 · DLFS ch. 6 (optimizer_compare_mnist, weight_init_compare)',
  lead: 'DLFS trains one network, four hidden layers of 100 ReLU units, on MNIST with SGD ($\\mathrm{lr}=0.01$), Momentum (0.01, $μ=0.9$), ' +
    'AdaGrad (0.01) and Adam (0.001), mini-batches of 128 for 2,000 iterations, and reports SGD as the slowest, the other three close with AdaGrad a little ahead. ' +
    'With SGD from three initialisations it reports that std 0.01 does not learn at all, while Xavier and He do, He faster. ' +
    'Here the same network learns the 1,797 digits from the same starting weights and the same mini-batches in every run: SGD ends highest again ' +
    '(smoothed loss about 0.07 against 0.002 and below for the others, seed 1), std 0.01 stays at $\\ln 10 ≈ 2.30$, and He (0.07) ends below Xavier (0.12). ' +
    'The seven runs are independent, so they run in parallel Web Workers, one per core.',
  steps: [
    { text: 'Watch the four optimizers from the same weights on the same mini-batches: $W ← W - η\\frac{∂L}{∂W}$ (SGD) is the slowest; Momentum, AdaGrad and Adam drop decades below it.', set: 'compare=optimizers' },
    { text: 'On a linear axis, as DLFS draws it, everything but SGD is near 0 within a few hundred iterations; the log axis shows how far apart they still are.', set: 'compare=optimizers&axis=linear' },
    { text: 'Initialisation: with $W \\sim N(0, 0.01^2)$ the signal dies out through four layers and the loss stays at $\\ln 10$: nothing is learnt. Xavier ($σ = \\sqrt{1/n}$) and He ($σ = \\sqrt{2/n}$) learn; He, made for ReLU, is faster.', set: 'compare=init' },
    { text: 'Switch the initialisation runs to sigmoid: Xavier’s $\\sqrt{1/n}$ is the one made for S-shaped curves; std 0.01 still learns nothing, and every run is slower than with ReLU.', set: 'compare=init&init_activation=sigmoid' },
    { text: 'Data augmentation (its own panel): DLFS’s 300 training digits, each epoch shifted by up to a pixel and turned by up to 10°. Without it the train accuracy (solid) runs away from dev (dashed); with it the gap is smaller, but SGD learns the harder task much more slowly (after 100 epochs: gap 8.8 → 6.3 points, dev 89% → 61%).', set: 'compare=augment' },
    { text: 'The thin lines are the loss of each mini-batch of 128: noisy, because every step sees other digits. DLFS’s smooth_curve averages 11 neighbours with Kaiser weights ($β = 2$) into the thick line.', set: 'iterations=500' },
  ],
  params: {
    compare: {
      label: 'Compare',
      help: 'Which runs to train and draw: the optimizers, the initialisations, or both; or, on its own, data augmentation on DLFS’s overfitting setup.',
      options: { both: 'optimizers and initialisations', optimizers: 'the four optimizers', init: 'the three initialisations', augment: 'data augmentation (overfitting)' },
    },
    iterations: { label: 'Iterations', help: 'Mini-batch steps of every run (DLFS: 2,000).' },
    epochs: { label: 'Epochs', help: 'Epochs of each augmentation run, 3 mini-batches of 100 each (DLFS runs 201).' },
    init_activation: {
      label: 'Activation (initialisations)',
      help: 'The hidden activation of the three initialisation runs; the optimizer runs always use ReLU.',
      options: { relu: 'ReLU (DLFS)', sigmoid: 'sigmoid' },
    },
    batch: { label: 'Mini-batch', help: 'Digits per step, drawn with replacement; the same draws for every run (DLFS: 128).' },
    axis: { label: 'Loss axis', help: 'Log scale (decades apart) or linear from 0, as DLFS draws it.', options: { log: 'log scale', linear: 'linear' } },
    layers: { label: 'Hidden layers', help: 'Hidden layers of the network (DLFS: 4).' },
    units: { label: 'Units per layer', help: 'Width of every hidden layer (DLFS: 100).' },
    sgd_lr: { label: 'SGD learning rate', help: 'DLFS: 0.01.' },
    momentum_lr: { label: 'Momentum learning rate', help: 'DLFS: 0.01, with v ← μv − η∂L/∂W, W ← W + v.' },
    momentum: { label: 'Momentum μ', help: 'DLFS: 0.9.' },
    adagrad_lr: { label: 'AdaGrad learning rate', help: 'DLFS: 0.01.' },
    adam_lr: { label: 'Adam learning rate', help: 'DLFS: 0.001, β₁ = 0.9, β₂ = 0.999.' },
    init_lr: { label: 'SGD learning rate (initialisations)', help: 'The learning rate of the three initialisation runs (DLFS: 0.01).' },
    workers: { label: 'Workers', help: 'Web Workers at most (one per core); 0 trains in this page.' },
    seed: { label: 'Seed', help: 'The seed of the starting weights and of the mini-batches, the same for every run.' },
  },
  tables: {
    runs: 'Each run: its last smoothed loss and when it first fell to 0.5',
    augment: 'Each augmentation: accuracy after the last epoch, on the 300 training digits as given and on the 1,497 dev digits',
  },
  columns: {
    run: 'Run',
    iterations: 'Iterations done',
    smoothed_loss: 'Smoothed loss',
    to_half: 'Iterations to loss 0.5',
    epochs: 'Epochs done',
    train_accuracy: 'Train accuracy',
    dev_accuracy: 'Dev accuracy',
    gap: 'Gap (train − dev)',
  },
  rows: {
    sgd: 'SGD', momentum: 'Momentum', adagrad: 'AdaGrad', adam: 'Adam',
    std001: 'std 0.01', xavier: 'Xavier √(1/n)', he: 'He √(2/n)',
    none: 'no augmentation', shift: 'shift ±1 px', shift_rotate: 'shift ±1 px + rotate ±10°',
  },
  ui: {
    mode_workers: (n) => `${n} Web Worker${n === 1 ? '' : 's'}`,
    mode_page: 'in this page (no Web Workers)',
    worker_failed: 'workers unavailable',
    runs: (done, all) => `${done} of ${all} runs done`,
  },
};
