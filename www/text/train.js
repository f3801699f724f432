// English text of view=train (seed 001: train/dev/test, normalising inputs, mini-batches, bias and
// variance, the basic recipe, regularisation, dropout, early stopping, babysitting one model;
// seed 004: DLFS overfit_weight_decay and overfit_dropout).
const pct = (v) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
const STATES = {
  high_bias: 'high bias (underfitting)',
  high_variance: 'high variance (overfitting)',
  high_bias_and_variance: 'high bias and high variance',
  good: 'neither high bias nor high variance',
};
const REMEDIES = {
  bigger_network: 'a bigger network',
  train_longer: 'train longer (or a better optimizer)',
  other_architecture: 'another architecture',
  more_data: 'more data',
  regularisation: 'regularisation (L2, dropout, early stopping)',
};
export default {
  title: 'Training playground',
  nav: 'Train a network',
  lead: 'Train a small network here, in the page. Choose the data (2-D sets, the 8×8 digits or your own CSV), the network and the optimizer. ' +
    'Training runs a few mini-batches per frame; pause it, step one mini-batch or one epoch, and change the learning rate, momentum, λ or keep_prob ' +
    'while it runs: the weights stay and each change is marked on the curves. Click the 2-D plot to add a point (shift-click: class 0).',
  caption: 'A small network trained in the page: its decision boundary over the data (filled points: train, rings: dev and test), ' +
    'the network itself (each unit a heatmap of its activation over the same plane, weights vermillion positive and blue negative), and its cost and error per epoch.',
  source: 'Seed 001 · Seed 002 · Seed 004 · DLFS ch. 6',
  steps: [
    { text: 'Press Play and watch the boundary form: each hidden unit draws a line or a bend across the plane, and the output combines them into the circle.', set: 'dataset=circle', play: true },
    { text: 'Overfit on purpose (DLFS): 300 digits and six layers of 100 learn the training set by heart while the dev error stays high. Then raise L2 λ (the cost gains $\\frac{\\lambda}{2m}\\sum_l \\lVert W^{[l]} \\rVert_F^2$) and watch the gap shrink.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast', play: true },
    { text: 'L1 instead of L2 on the same digits: the cost gains $\\frac{\\lambda_1}{m}\\lVert W \\rVert_1$, whose gradient $\\frac{\\lambda_1}{m}\\,\\mathrm{sign}(w)$ pulls every weight toward 0 by the same amount however small it is, so weights the data barely need reach 0; L2’s pull $\\frac{\\lambda}{m}w$ fades as $w$ shrinks. The weight histogram (bottom right) shows the spike at 0: about a third of the weights end below 0.01 with λ₁ = 1, a tenth with L2 λ = 10.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&l1=1', play: true },
    { text: 'Or use dropout: keep_prob 0.8 keeps each hidden unit with probability $p$ and rescales, $a = \\frac{d \\odot a}{p}$ with $d_i \\sim \\mathrm{Bernoulli}(p)$ (inverted dropout), so the test-time network needs no change.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&epochs=301&keep_prob=0.8', play: true },
    { text: 'Or make more data (augmentation): each epoch every training digit is shifted by up to a pixel and turned by up to 10°, $x\' = \\mathrm{shift}_{d}(R_{\\theta}\\,x)$ with $d \\in \\{-1, 0, 1\\}^2$, $|\\theta| \\le 10°$. The train error no longer reaches 0 and the gap to dev shrinks (6.9 → 2.0 points here), though after 201 epochs the harder task is not yet learnt as well.', set: 'dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100&activation=relu&init=he&optimizer=sgd&lr=0.01&batch=100&epochs=201&speed=fast&augment=shift_rotate', play: true },
    { text: 'Early stopping: on a noisy spiral with a big network, patience 10 stops when the dev cost has not improved for 10 epochs and puts back the best epoch’s weights.', set: 'dataset=spiral&noise=0.3&hidden=32,32,32&patience=10&epochs=400&speed=fast', play: true },
  ],
  notice: [
    'Bias and variance: compare the train error with the Bayes (human-level) error you enter, and the dev error with the train error. ' +
      'A large first gap is avoidable bias (underfitting: a bigger network, train longer); a large second gap is variance ' +
      '(overfitting: more data, regularisation). Fix bias first, then variance — the course’s basic recipe.',
    'Mini-batch size: 1 is stochastic gradient descent (a very noisy cost per step), the whole training set is batch gradient descent ' +
      '(a smooth curve but one update per epoch). The faint line is the cost of every mini-batch; the bold lines are per epoch.',
    'Normalising inputs: with normalise off the features keep their own scales, the cost surface is stretched and a learning rate that suits ' +
      'one direction is too large or too small for another. Turn it off on the digits or on your CSV and compare the curves.',
    'DLFS’s overfitting experiments (presets): 300 training digits and a 6×100 ReLU network learn the training set by heart (train error 0) ' +
      'while the dev error stays higher. L2 (λ = 10 here, which equals DLFS’s 0.1 with batches of 100) or dropout (keep_prob 0.8) ' +
      'raise the train error and shrink the gap.',
    'L1 against L2: both add a price on the weights to the cost, but L1’s gradient λ₁/m·sign(w) has the same size for a weight of 0.001 as for one of 1, ' +
      'so it keeps pushing small weights until they reach 0 (a sparse, compressible network), while L2’s λ/m·w pushes less the smaller the weight is. ' +
      'The weight histogram shows the share of weights below the threshold.',
    'Panda, not caviar: babysit one model — if the cost plateaus, lower the learning rate; if it explodes, go back to a checkpoint. ' +
      'A run whose cost becomes infinite or 1,000 times its start is stopped and marked “diverged”.',
    'Early stopping: with patience > 0 the run stops when the dev cost has not improved for that many epochs, and the best epoch’s weights come back.',
  ],
  params: {
    dataset: {
      label: 'Data',
      help: 'A 2-D set (after TensorFlow Playground’s), the 1,797 handwritten 8×8 digits, or the CSV you loaded (last column = class).',
      options: { circle: 'circle', xor: 'xor', gaussians: 'two gaussians', spiral: 'spiral', moons: 'moons', digits: 'digits (8×8)', csv: 'your CSV' },
    },
    samples: { label: 'Samples', help: 'Points of a 2-D set, or digits used (at most 1,797).' },
    noise: { label: 'Noise', help: 'Noise of the 2-D sets, 0 to 0.5 (labels flip near the boundary, blobs widen).' },
    train: { label: 'Train share', help: 'Share of the rows used for training.' },
    dev: { label: 'Dev share', help: 'Share held out as the dev set; the test set gets the rest. Train + dev must be at most 1.' },
    normalise: { label: 'Normalise inputs', help: 'Standardise each feature with the training rows’ mean and standard deviation.' },
    hidden: { label: 'Hidden units', help: 'Units of each hidden layer, comma-separated (up to 10 layers of 256).' },
    activation: {
      label: 'Activation',
      help: 'Activation of the hidden layers. The output is chosen from the task: one sigmoid for 2 classes, softmax for more.',
      options: { tanh: 'tanh', relu: 'ReLU', leaky_relu: 'leaky ReLU', sigmoid: 'sigmoid', linear: 'linear' },
    },
    init: {
      label: 'Initialisation',
      help: 'How the weights are drawn.',
      options: { glorot: 'Glorot √(2/(n_in+n_out))', he: 'He √(2/n_in)', xavier: 'Xavier √(1/n_in)', small: 'N(0, 0.01²)', zeros: 'zeros (symmetric)' },
    },
    batchnorm: { label: 'Batch norm', help: 'Batch normalisation before every hidden activation.' },
    optimizer: {
      label: 'Optimizer',
      help: 'The update rule (course form).',
      options: { adam: 'Adam', sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSprop', adagrad: 'AdaGrad' },
    },
    lr: { label: 'Learning rate', help: 'α, changeable while training runs (marked on the curves).' },
    momentum: { label: 'Momentum β₁', help: 'β of momentum and Adam’s β₁, changeable while training runs.' },
    beta2: { label: 'β₂', help: 'RMSprop’s and Adam’s squared-gradient decay.' },
    schedule: {
      label: 'LR schedule',
      help: 'Learning-rate decay over epochs.',
      options: { constant: 'constant', inverse_time: 'α₀/(1 + decay·epoch)', exponential: '(1 − decay)^epoch·α₀', inverse_sqrt: 'α₀/√epoch', staircase: 'halve every 10 epochs' },
    },
    decay: { label: 'Decay', help: 'The schedule’s decay rate.' },
    batch: { label: 'Mini-batch size', help: '1 = stochastic gradient descent; the number of training rows (or more) = batch gradient descent.' },
    lambda: { label: 'L2 λ', help: 'L2 regularisation: cost + λ/(2m)·Σ‖W‖². Changeable while training runs.' },
    l1: { label: 'L1 λ₁', help: 'L1 regularisation: cost + λ₁/m·Σ|w| over the weights (not the biases); gradient λ₁/m·sign(w), a constant pull toward 0 that makes weights sparse. Changeable while training runs.' },
    threshold: { label: 'Sparsity threshold', help: 'The weight histogram counts the weights with |w| below this as (near) zero and prints their share.' },
    keep_prob: { label: 'Keep prob', help: 'Dropout: probability of keeping a hidden unit (1 = no dropout). Changeable while training runs.' },
    patience: { label: 'Patience', help: 'Early stopping: stop after this many epochs without a better dev cost (0 = off).' },
    augment: {
      label: 'Augment',
      help: 'Data augmentation (digits only): every epoch each training image is shifted by up to one pixel, and turned by up to 10°, anew from the seed. Dev and test images are never changed.',
      options: { none: 'none', shift: 'shift ±1 px', shift_rotate: 'shift ±1 px + rotate ±10°' },
    },
    epochs: { label: 'Epochs', help: 'How many epochs Play trains; raising it continues the run.' },
    speed: { label: 'Pace', help: 'How fast Play trains: slow 2, steady 10, fast 50 epochs a second, or as fast as the page can (large networks are slower than any pace).', options: { slow: 'slow (2 epochs/s)', steady: 'steady (10 epochs/s)', fast: 'fast (50 epochs/s)', max: 'as fast as possible' } },
    bayes: { label: 'Bayes error', help: 'Your estimate of the best possible (human-level) error, for the diagnosis.' },
    seed: { label: 'Seed', help: 'The seed of the data, the split, the weights, the mini-batch order and the dropout masks.' },
  },
  columns: {
    epoch: 'Epoch',
    step: 'Step',
    train_cost: 'Train cost',
    train_error: 'Train error (share)',
    dev_cost: 'Dev cost',
    dev_error: 'Dev error (share)',
    bayes_error: 'Bayes error (share)',
  },
  tables: {
    epoch: 'Last evaluated epoch: cost and error on train and dev, and the Bayes error used by the diagnosis',
    epoch_no_dev: 'Last evaluated epoch: cost and error on train, and the Bayes error used by the diagnosis. There is no dev set (dev share 0): the dev columns are empty',
  },
  ui: {
    group: 'Training',
    tools: 'Data and presets',
    play: 'Play',
    pause: 'Pause',
    step: 'Step (1 mini-batch)',
    epoch: 'Step 1 epoch',
    reset: 'Reset',
    checkpoint: 'Save checkpoint',
    checkpoints: 'Checkpoints',
    restore: 'Go back',
    preset: 'Preset',
    load_preset: 'Load preset',
    csv: 'Load CSV…',
    click_class: 'Click adds class',
    diagnosis: 'Diagnosis',
    units: 'Units of the network (arrow keys move between them)',
    unit_label: (u, sizes) => (u.layer === sizes.length - 1 ? `output unit ${u.unit + 1}` : `layer ${u.layer}, unit ${u.unit + 1}`),
    readout_hint: 'Point at a unit of the network, or tab to it and use the arrow keys, for its activation histogram and incoming weights.',
    counter_epoch: (d) => `Epoch ${d.epoch.toLocaleString('en')}`,
    counter_rest: (d) => `of ${d.epochs.toLocaleString('en')} · step ${d.step.toLocaleString('en')} (${d.steps_per_epoch} per epoch) · ` +
      `${{ playing: 'training', paused: 'paused', done: 'done', diverged: 'diverged', early_stopped: 'early-stopped' }[d.status] ?? d.status}`,
    presets: {
      overfit_weight_decay: 'DLFS overfit: with L2',
      overfit_weight_decay_off: 'DLFS overfit: without L2',
      overfit_dropout: 'DLFS overfit: with dropout',
      overfit_dropout_off: 'DLFS overfit: without dropout',
      overfit_augment: 'Overfit: with augmentation',
      overfit_l1: 'DLFS overfit: with L1 (sparse weights)',
    },
    checkpoint_item: (c) => `#${c.id}: epoch ${c.epoch}, step ${c.step} (dev ${pct(c.dev_error)})`,
    diagnosis_text: (g) => {
      if (!g || g.error) return g?.error ?? '';
      const bias = `avoidable bias ${pct(g.avoidable_bias)} (train ${pct(g.train_error)} − Bayes ${pct(g.bayes_error)})`;
      // Without a dev set only the bias is measured: "good" then means no high avoidable bias.
      const noDev = g.dev_error === null;
      const state = noDev && g.state === 'good' ? 'no high avoidable bias' : STATES[g.state] ?? g.state;
      const variance = noDev ? 'no dev set (dev share 0), so the variance is not measured' : `variance ${pct(g.variance)} (dev ${pct(g.dev_error)} − train ${pct(g.train_error)})`;
      const next = g.remedies.length ? ` Try next: ${g.remedies.map((r) => REMEDIES[r] ?? r).join('; ')}.` : ' Nothing to fix at these thresholds (5 points).';
      return `Epoch ${g.epoch}: ${state}. ${bias}; ${variance}.${next}`;
    },
  },
};
